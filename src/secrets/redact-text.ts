/** Any text (a title, a description, a model's answer) with the secrets in it redacted. */
import { applyRedactions, mergeRanges } from './apply-redactions.js';
import { knownLinesRanges, secretsIn } from './known-secret-ranges.js';
import { findJoinedSecrets } from './find-line-secrets.js';
import { joinLines } from './joined-lines.js';
import { scanBlocks } from './scan-lines.js';
import type { KnownSecret, SecretKind } from './types.js';

export interface RedactedText {
  readonly text: string;
  /** The kinds of secret that were replaced, each once, in order of appearance. */
  readonly kinds: readonly SecretKind[];
  /** The values replaced: to be redacted wherever else they occur. */
  readonly found: readonly KnownSecret[];
}

/** Redacts what the detectors recognise, and every occurrence of the `known` values. */
export const redactText = (text: string, known: readonly KnownSecret[] = []): RedactedText => {
  const lines = text.split('\n');
  const joined = joinLines(lines, text);
  const scanned = scanBlocks(lines, findJoinedSecrets(joined));
  const recurring = known.length === 0 ? [] : knownLinesRanges(joined, known);
  const kinds = new Set<SecretKind>();
  const found: KnownSecret[] = [];
  const redacted = lines.map((line, index) => {
    const ranges = [...(scanned[index] ?? []), ...(recurring[index] ?? [])];
    if (ranges.length === 0) return line;
    const merged = mergeRanges(ranges);
    for (const range of merged) kinds.add(range.kind);
    found.push(...secretsIn(line, merged));
    return applyRedactions(line, merged);
  });
  return kinds.size === 0
    ? { text, kinds: [], found: [] }
    : { text: redacted.join('\n'), kinds: [...kinds], found };
};
