import type { DiffLine, Hunk } from '../domain/diff.js';
import {
  linesOfPatchText,
  patchLinesOf,
  stripCarriageReturn,
  type PatchLines,
} from './patch-lines.js';
import type { ReadHunk } from './types.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/s;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
/** `PatchLines.firstCode` of an empty line, which `git apply` reads as an empty context line. */
const EMPTY = -1;

const isPatchLines = (lines: readonly string[] | PatchLines): lines is PatchLines =>
  !Array.isArray(lines);

/**
 * Parses the hunks of one file: GitHub's `patch` field, or any text whose hunks start at
 * `@@`. Lines that are not inside a hunk are ignored.
 */
export function parseHunks(body: string): Hunk[] {
  const lines = linesOfPatchText(body);
  const hunks: Hunk[] = [];
  let index = 0;
  while (index < lines.length) {
    const read = readHunk(lines, index);
    if (read === null) {
      index += 1;
    } else {
      hunks.push(read.hunk);
      index = read.next;
    }
  }
  return hunks;
}

/** A hunk's header: where it starts on each side and how many lines it spans there. */
interface HunkRange {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
}

/** Where a hunk's content lines end, the lines it adds and deletes, and all it holds. */
interface HunkExtent {
  readonly end: number;
  readonly additions: number;
  readonly deletions: number;
  readonly lines: number;
  /** Fewer lines than the header counts: the patch was cut, or is not a plain unified diff. */
  readonly short: boolean;
}

/** A content line of a hunk: its kind, its numbers, and its index in the patch's lines. */
export type TakeLine = (
  kind: DiffLine['kind'],
  oldLine: number | null,
  newLine: number | null,
  index: number,
) => void;

/**
 * Walks the content lines of a hunk from `lines[first]` as its header's counts say, handing
 * each to `take` when there is one. A line that cannot belong to the hunk ends it early.
 */
function walkHunk(
  lines: PatchLines,
  first: number,
  range: HunkRange,
  take: TakeLine | null,
): HunkExtent {
  let oldLeft = range.oldLines;
  let newLeft = range.newLines;
  let oldLine = range.oldStart;
  let newLine = range.newStart;
  let additions = 0;
  let deletions = 0;
  let context = 0;
  let next = first;
  for (; next < lines.length && (oldLeft > 0 || newLeft > 0); next += 1) {
    const mark = lines.firstCode(next);
    if (mark === PLUS && newLeft > 0) {
      take?.('add', null, newLine, next);
      additions += 1;
      newLine += 1;
      newLeft -= 1;
    } else if (mark === MINUS && oldLeft > 0) {
      take?.('del', oldLine, null, next);
      deletions += 1;
      oldLine += 1;
      oldLeft -= 1;
    } else if ((mark === SPACE || mark === EMPTY) && oldLeft > 0 && newLeft > 0) {
      take?.('context', oldLine, newLine, next);
      oldLine += 1;
      newLine += 1;
      oldLeft -= 1;
      newLeft -= 1;
      context += 1;
    } else if (mark !== BACKSLASH) {
      break;
    }
  }
  const short = oldLeft > 0 || newLeft > 0;
  return { end: next, additions, deletions, lines: additions + deletions + context, short };
}

/** Where a parsed hunk's lines are in its patch, and how many it holds. */
export interface HunkSource {
  readonly patchLines: PatchLines;
  readonly first: number;
  readonly range: HunkRange;
  readonly lines: number;
  /** The patch ran out, or a line that cannot belong to it came, before the header's counts. */
  readonly short: boolean;
}

const sources = new WeakMap<Hunk, HunkSource>();

/** Where a hunk made by `readHunk` reads its lines from; undefined for any other hunk. */
export const hunkSource = (hunk: Hunk): HunkSource | undefined => sources.get(hunk);

/**
 * Hands each content line of a parsed hunk to `take`, as its `lines` would list them, without
 * making them.
 */
export const walkHunkSource = (source: HunkSource, take: TakeLine): void => {
  walkHunk(source.patchLines, source.first, source.range, take);
};

/**
 * The last hunks whose lines were made, so that a stage reading one hunk's lines several times
 * (by index, or once per side) gets the same array without making it again.
 */
const RECENT = 16;
const recent: { hunk: object; lines: readonly DiffLine[] }[] = [];

/**
 * A parsed hunk's `lines`, made from the patch's lines each time they are read (the last few are
 * kept): a patch's model then holds one string a line, not an object and a second string a line,
 * and the lines a stage reads die young.
 */
function readParsedLines(this: Hunk): readonly DiffLine[] {
  const known = recent.find((entry) => entry.hunk === this);
  if (known !== undefined) return known.lines;
  const source = sources.get(this);
  if (source === undefined) return [];
  const { patchLines, first, range } = source;
  const lines: DiffLine[] = [];
  walkHunk(patchLines, first, range, (kind, oldLine, newLine, index) => {
    lines.push({ kind, oldLine, newLine, text: patchLines.rest(index) });
  });
  if (recent.length === RECENT) recent.shift();
  recent.push({ hunk: this, lines });
  return lines;
}

/**
 * Every parsed hunk's `lines` is this one getter. A getter written in each hunk's literal is a
 * new function a hunk, and V8 keeps such objects in dictionary mode: on a 17 MB patch that was
 * 6 MB of property tables, closures and contexts beside the hunks themselves.
 */
const PARSED_LINES: PropertyDescriptor = {
  get: readParsedLines,
  enumerable: true,
  configurable: true,
};

/**
 * A hunk whose `lines` are read from the patch's lines from `first` on when they are asked for.
 * The hunk is its source's range too: no second object a hunk.
 */
function lazyHunk(
  patchLines: PatchLines,
  first: number,
  range: HunkRange,
  extent: Pick<HunkExtent, 'lines' | 'short'>,
  section: string,
): Hunk {
  const hunk = Object.defineProperty(
    {
      oldStart: range.oldStart,
      oldLines: range.oldLines,
      newStart: range.newStart,
      newLines: range.newLines,
      section,
    },
    'lines',
    PARSED_LINES,
  ) as Hunk;
  sources.set(hunk, { patchLines, first, range: hunk, lines: extent.lines, short: extent.short });
  return hunk;
}

/**
 * Reads the hunk whose `@@` header is at `lines[index]`, or returns null when that line is
 * not a hunk header. The header's counts say where the hunk ends (a missing count is 1), so a
 * content line that looks like `--- x` or `+++ y` stays content. A `\ No newline at end of
 * file` marker is skipped. A line that cannot belong to the hunk ends it early (a truncated
 * patch), and an empty line is read as an empty context line, as `git apply` does. Line text
 * keeps a trailing `\r`; the section (the text after the second `@@`) loses it.
 */
export function readHunk(
  patchLines: readonly string[] | PatchLines,
  index: number,
): ReadHunk | null {
  const lines = isPatchLines(patchLines) ? patchLines : patchLinesOf(patchLines);
  const header = lines.at(index);
  const match = header === undefined ? null : HUNK_HEADER.exec(header);
  if (match === null) return null;
  const range: HunkRange = {
    oldStart: Number(match[1]),
    oldLines: match[2] === undefined ? 1 : Number(match[2]),
    newStart: Number(match[3]),
    newLines: match[4] === undefined ? 1 : Number(match[4]),
  };
  const section = stripCarriageReturn(match[5] ?? '').replace(/^ /, '');
  const extent = walkHunk(lines, index + 1, range, null);
  let next = extent.end;
  while (next < lines.length && lines.firstCode(next) === BACKSLASH) next += 1;
  return {
    hunk: lazyHunk(lines, index + 1, range, extent, section),
    next,
    additions: extent.additions,
    deletions: extent.deletions,
  };
}

/** Added and deleted lines of some hunks, as `git diff --numstat` counts them. */
export function countChangedLines(hunks: readonly Hunk[]): {
  additions: number;
  deletions: number;
} {
  let additions = 0;
  let deletions = 0;
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === 'add') additions += 1;
      else if (line.kind === 'del') deletions += 1;
    }
  }
  return { additions, deletions };
}
