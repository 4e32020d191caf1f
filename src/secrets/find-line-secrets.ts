/**
 * The single-line secrets of consecutive lines, as ranges of each line. The lines are scanned as
 * one text (one pass per detector, not one per line); a range that spans a line break (a
 * secretlint rule may report a whole key block) is cut at each break.
 */
import { findTextSecrets } from './find-text-secrets.js';
import type { SecretRange } from './types.js';

/** The index of the line holding `offset`, given each line's start offset. */
const lineAt = (starts: readonly number[], offset: number): number => {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
};

/** Ranges of the lines joined by `\n`, cut at each line break into ranges of each line. */
export const rangesByLine = (
  lines: readonly string[],
  ranges: readonly SecretRange[],
): SecretRange[][] => {
  const found: SecretRange[][] = lines.map(() => []);
  if (ranges.length === 0) return found;
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  for (const range of ranges) {
    for (let index = lineAt(starts, range.start); index < lines.length; index += 1) {
      const lineStart = starts[index] ?? 0;
      if (lineStart >= range.end) break;
      const lineEnd = lineStart + (lines[index]?.length ?? 0);
      const start = Math.max(range.start, lineStart) - lineStart;
      const end = Math.min(range.end, lineEnd) - lineStart;
      if (end > start) found[index]?.push({ start, end, kind: range.kind });
    }
  }
  return found;
};

export const findLinesSecrets = (lines: readonly string[]): SecretRange[][] =>
  rangesByLine(lines, findTextSecrets(lines.join('\n')));

export const findLineSecrets = (line: string): SecretRange[] => findLinesSecrets([line])[0] ?? [];
