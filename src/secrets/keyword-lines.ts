/**
 * The lines of a text that hold one of some keywords, as a smaller text of their own. A pattern
 * whose every match contains one of its keywords and stays on one line finds, in these lines, the
 * same matches as in the whole text: each line is whole, and it is joined to the next by `\n` as
 * in the text, so that `^`, `$`, `\b` and look-behinds see the same characters at its ends. Most
 * lines of a large diff hold none of a detector's keywords, and its pattern skips them.
 */
import { lineAt } from './joined-lines.js';

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

const BLANK = /^\s*$/;

/** Where the `count`th line after `lineEnd` (the index of a line break, or the text's end) ends that is not blank. */
const followingEnd = (text: string, lineEnd: number, count: number): number => {
  let end = lineEnd;
  for (let seen = 0; seen < count && end < text.length;) {
    const next = text.indexOf('\n', end + 1);
    const nextEnd = next === -1 ? text.length : next;
    if (!BLANK.test(text.slice(end + 1, nextEnd))) seen += 1;
    end = nextEnd;
  }
  return end;
};

/**
 * The lines of `text` that hold one of `positions` (in any order), each with the lines after it
 * up to its `following`th line that is not blank (for a pattern whose `\s*` may cross to them);
 * or `null` when they are most of the text and the whole text should be scanned instead.
 */
export const linesAt = (
  text: string,
  positions: readonly number[],
  following = 0,
): KeywordLines | null => {
  const at = [...positions].sort(byNumber);
  const starts: number[] = [];
  const origins: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  let pieceStart = -1;
  let pieceEnd = -1;
  const close = (): void => {
    if (pieceStart < 0) return;
    starts.push(length);
    origins.push(pieceStart);
    pieces.push(text.slice(pieceStart, pieceEnd));
    length += pieceEnd - pieceStart + 1;
  };
  for (const position of at) {
    if (position <= pieceEnd && following === 0) continue;
    const lineStart = text.lastIndexOf('\n', position - 1) + 1;
    const next = text.indexOf('\n', position);
    const lineEnd = followingEnd(text, next === -1 ? text.length : next, following);
    // A line that starts inside the piece, or right after it, extends it: pieces stay whole lines.
    if (pieceStart >= 0 && lineStart <= pieceEnd + 1) pieceEnd = Math.max(pieceEnd, lineEnd);
    else {
      close();
      pieceStart = lineStart;
      pieceEnd = lineEnd;
    }
    if (length + pieceEnd - pieceStart > text.length * MOST) return null;
  }
  close();
  return { text: pieces.join('\n'), starts, origins };
};

/** How far a range found in `lines` must move to be a range of the whole text. */
export const shiftOf = (lines: KeywordLines, offset: number): number => {
  const { starts, origins } = lines;
  const line = lineAt(starts, offset);
  return (origins[line] ?? 0) - (starts[line] ?? 0);
};
