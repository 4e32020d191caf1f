/**
 * The lines of a text that hold one of some keywords, as a smaller text of their own. A pattern
 * whose every match contains one of its keywords and stays on one line finds, in these lines, the
 * same matches as in the whole text: each line is whole, and it is joined to the next by `\n` as
 * in the text, so that `^`, `$`, `\b` and look-behinds see the same characters at its ends. Most
 * lines of a large diff hold none of a detector's keywords, and its pattern skips them.
 */

/** Some lines of a text, joined by `\n`, and where each came from. */
export interface KeywordLines {
  readonly text: string;
  /** Where each line starts in `text`, in order. */
  readonly starts: readonly number[];
  /** Where the same line starts in the whole text. */
  readonly origins: readonly number[];
}

/** Above this share of the whole text, copying the lines would cost more than it saves. */
const MOST = 0.5;

const byNumber = (a: number, b: number): number => a - b;

/**
 * The lines of `text` that hold one of `positions` (in any order), or `null` when they are most
 * of the text and the whole text should be scanned instead.
 */
export const linesAt = (text: string, positions: readonly number[]): KeywordLines | null => {
  const at = [...positions].sort(byNumber);
  const starts: number[] = [];
  const origins: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  let lineEnd = -1;
  for (const position of at) {
    if (position <= lineEnd) continue;
    const lineStart = text.lastIndexOf('\n', position - 1) + 1;
    const next = text.indexOf('\n', position);
    lineEnd = next === -1 ? text.length : next;
    starts.push(length);
    origins.push(lineStart);
    pieces.push(text.slice(lineStart, lineEnd));
    length += lineEnd - lineStart + 1;
    if (length > text.length * MOST) return null;
  }
  return { text: pieces.join('\n'), starts, origins };
};

/** How far a range found in `lines` must move to be a range of the whole text. */
export const shiftOf = (lines: KeywordLines, offset: number): number => {
  const { starts, origins } = lines;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return (origins[low] ?? 0) - (starts[low] ?? 0);
};
