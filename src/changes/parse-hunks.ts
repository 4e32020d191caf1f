import type { DiffLine, Hunk } from '../domain/diff.js';
import { splitPatchLines, stripCarriageReturn } from './split-patch-lines.js';
import type { ReadHunk } from './types.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/s;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;

/**
 * Parses the hunks of one file: GitHub's `patch` field, or any text whose hunks start at
 * `@@`. Lines that are not inside a hunk are ignored.
 */
export function parseHunks(body: string): Hunk[] {
  const lines = splitPatchLines(body);
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

/**
 * Reads the hunk whose `@@` header is at `lines[index]`, or returns null when that line is
 * not a hunk header. The header's counts say where the hunk ends (a missing count is 1), so a
 * content line that looks like `--- x` or `+++ y` stays content. A `\ No newline at end of
 * file` marker is skipped. A line that cannot belong to the hunk ends it early (a truncated
 * patch), and an empty line is read as an empty context line, as `git apply` does. Line text
 * keeps a trailing `\r`; the section (the text after the second `@@`) loses it.
 */
export function readHunk(lines: readonly string[], index: number): ReadHunk | null {
  const header = lines[index];
  const match = header === undefined ? null : HUNK_HEADER.exec(header);
  if (match === null) return null;
  const oldStart = Number(match[1]);
  const oldLines = match[2] === undefined ? 1 : Number(match[2]);
  const newStart = Number(match[3]);
  const newLines = match[4] === undefined ? 1 : Number(match[4]);
  const section = stripCarriageReturn(match[5] ?? '').replace(/^ /, '');

  const diffLines: DiffLine[] = [];
  let oldLeft = oldLines;
  let newLeft = newLines;
  let oldLine = oldStart;
  let newLine = newStart;
  let next = index + 1;
  for (; next < lines.length && (oldLeft > 0 || newLeft > 0); next += 1) {
    const line = lines[next] ?? '';
    const mark = line.charCodeAt(0);
    if (mark === PLUS && newLeft > 0) {
      diffLines.push({ kind: 'add', oldLine: null, newLine, text: line.slice(1) });
      newLine += 1;
      newLeft -= 1;
    } else if (mark === MINUS && oldLeft > 0) {
      diffLines.push({ kind: 'del', oldLine, newLine: null, text: line.slice(1) });
      oldLine += 1;
      oldLeft -= 1;
    } else if ((mark === SPACE || line === '') && oldLeft > 0 && newLeft > 0) {
      diffLines.push({ kind: 'context', oldLine, newLine, text: line.slice(1) });
      oldLine += 1;
      newLine += 1;
      oldLeft -= 1;
      newLeft -= 1;
    } else if (mark !== BACKSLASH) {
      break;
    }
  }
  while (next < lines.length && lines[next]?.charCodeAt(0) === BACKSLASH) next += 1;

  return { hunk: { oldStart, oldLines, newStart, newLines, section, lines: diffLines }, next };
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
