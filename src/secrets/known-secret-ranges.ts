/** Where values already known to be secrets recur in a text. */
import { type JoinedLines, rangesByLine } from './joined-lines.js';
import type { KnownSecret, SecretRange } from './types.js';

/** Shorter values would match ordinary text too often to be worth hunting for. */
export const MIN_KNOWN_LENGTH = 8;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Matcher {
  readonly pattern: RegExp | null;
  readonly kinds: ReadonlyMap<string, KnownSecret['kind']>;
}

/** One alternation of all known values, longest first, built once per list (a job's lines share it). */
const matchers = new WeakMap<readonly KnownSecret[], Matcher>();

const matcherOf = (known: readonly KnownSecret[]): Matcher => {
  const cached = matchers.get(known);
  if (cached !== undefined) return cached;
  const kinds = new Map<string, KnownSecret['kind']>();
  for (const { value, kind } of known)
    if (value.length >= MIN_KNOWN_LENGTH && !kinds.has(value)) kinds.set(value, kind);
  const values = [...kinds.keys()].sort((a, b) => b.length - a.length);
  const matcher = {
    pattern: values.length === 0 ? null : new RegExp(values.map(escape).join('|'), 'g'),
    kinds,
  };
  matchers.set(known, matcher);
  return matcher;
};

export const knownSecretRanges = (text: string, known: readonly KnownSecret[]): SecretRange[] => {
  if (known.length === 0 || text.length < MIN_KNOWN_LENGTH) return [];
  const { pattern, kinds } = matcherOf(known);
  if (pattern === null) return [];
  const ranges: SecretRange[] = [];
  // Overlapping values are all found: the search resumes one character after each match's start.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const kind = kinds.get(match[0]);
    if (kind !== undefined)
      ranges.push({ start: match.index, end: match.index + match[0].length, kind });
    pattern.lastIndex = match.index + 1;
  }
  return ranges;
};

/**
 * `knownSecretRanges` of each line, found in one search over the lines joined: a value holds no
 * line break, so no match crosses one, and a search per line would cost one call per line. A
 * line where none recurs may have no entry.
 */
export const knownLinesRanges = (
  joined: JoinedLines,
  known: readonly KnownSecret[],
): SecretRange[][] => {
  if (known.some((secret) => secret.value.includes('\n')))
    return joined.lines.map((line) => knownSecretRanges(line, known));
  return rangesByLine(joined, knownSecretRanges(joined.text, known), true);
};

/** The values of `ranges` in `text`, each once, long enough to hunt for elsewhere. */
export const secretsIn = (text: string, ranges: readonly SecretRange[]): KnownSecret[] =>
  ranges
    .map((range) => ({ value: text.slice(range.start, range.end).trim(), kind: range.kind }))
    .filter((secret) => secret.value.length >= MIN_KNOWN_LENGTH);
