/** Where values already known to be secrets recur in a text. */
import type { KnownSecret, SecretRange } from './types.js';

/** Shorter values would match ordinary text too often to be worth hunting for. */
export const MIN_KNOWN_LENGTH = 8;

export const knownSecretRanges = (text: string, known: readonly KnownSecret[]): SecretRange[] => {
  const ranges: SecretRange[] = [];
  for (const { value, kind } of known) {
    if (value.length < MIN_KNOWN_LENGTH) continue;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length))
      ranges.push({ start: at, end: at + value.length, kind });
  }
  return ranges;
};

/** The values of `ranges` in `text`, each once, long enough to hunt for elsewhere. */
export const secretsIn = (text: string, ranges: readonly SecretRange[]): KnownSecret[] =>
  ranges
    .map((range) => ({ value: text.slice(range.start, range.end).trim(), kind: range.kind }))
    .filter((secret) => secret.value.length >= MIN_KNOWN_LENGTH);
