/**
 * Consecutive lines scanned as one text (one pass per pattern, not one per line), and the ranges
 * found in that text cut back into ranges of each line.
 */
import type { SecretRange } from './types.js';

export interface JoinedLines {
  readonly lines: readonly string[];
  /** The lines joined by `\n`. */
  readonly text: string;
  /** Where each line starts in `text`. */
  readonly starts: readonly number[];
}

/** `text`, when given, is `lines.join('\n')` already (a text just split need not be joined again). */
export const joinLines = (lines: readonly string[], text = lines.join('\n')): JoinedLines => {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return { lines, text, starts };
};

/** The index of the line holding `offset`: the last of the ascending `starts` at or before it. */
export const lineAt = (starts: readonly number[], offset: number): number => {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
};

/**
 * Ranges of the joined text, each cut at the line breaks it spans into ranges of each line. With
 * `sparse`, a line without a range has no entry (most lines of a diff): for readers that take a
 * missing entry for none, not for a list to add to.
 */
export const rangesByLine = (
  { lines, starts }: JoinedLines,
  ranges: readonly SecretRange[],
  sparse = false,
): SecretRange[][] => {
  const found: SecretRange[][] = sparse
    ? new Array<SecretRange[]>(lines.length)
    : lines.map(() => []);
  for (const range of ranges) {
    for (let index = lineAt(starts, range.start); index < lines.length; index += 1) {
      const lineStart = starts[index] ?? 0;
      if (lineStart >= range.end) break;
      const lineEnd = lineStart + (lines[index]?.length ?? 0);
      const start = Math.max(range.start, lineStart) - lineStart;
      const end = Math.min(range.end, lineEnd) - lineStart;
      if (end > start) (found[index] ??= []).push({ start, end, kind: range.kind });
    }
  }
  return found;
};
