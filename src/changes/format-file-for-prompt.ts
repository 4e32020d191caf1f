import type { DiffLine, FileChange, Hunk } from '../domain/diff.js';

/** Explains `formatFileForPrompt`'s line format; put it once in the prompt, before the files. */
export const PROMPT_DIFF_LEGEND = [
  'Each diff line reads `<side> <line> <op> <text>`.',
  'Side R is the new file: cite it with side RIGHT and that line number (added and unchanged lines).',
  'Side L is the old file: cite it with side LEFT and that line number (deleted lines).',
  'Op is `+` for an added line, `-` for a deleted line, and blank for an unchanged context line.',
].join('\n');

/**
 * One file's change for a model prompt, with line numbers a model can cite:
 *
 * ```
 * ### src/app.ts (renamed from src/main.ts, +2 -1)
 * @@ -10,3 +10,4 @@ function main() {
 * R 10   const a = 1;
 * L 11 - const b = 2;
 * R 11 + const b = 3;
 * R 12 + const c = 4;
 * R 13   return a;
 * ```
 *
 * Added and context lines carry their new-file number (R), deleted lines their old-file
 * number (L); numbers are padded to one width per file. A trailing `\r` (CRLF files) is not
 * shown. A binary file, a file GitHub sent without a patch, and a change with no line edits
 * (mode change, pure rename) each render one line that says so.
 */
export function formatFileForPrompt(file: FileChange): string {
  const heading = fileHeading(file);
  if (file.binary) return `${heading}\n(binary file: no text diff)`;
  if (!file.patchAvailable) {
    return `${heading}\n(patch not available: GitHub leaves out the patch of large files)`;
  }
  if (file.hunks.length === 0) return `${heading}\n(no line changes)`;
  const width = lineNumberWidth(file.hunks);
  const out = [heading];
  for (const hunk of file.hunks) {
    out.push(formatHunkHeader(hunk));
    for (const line of hunk.lines) out.push(formatLine(line, width));
  }
  return out.join('\n');
}

/** The first line of a file's rendering. */
export const fileHeading = (file: FileChange): string => `### ${file.path} (${describeFile(file)})`;

/** The width line numbers are padded to in a file's rendering. */
export const lineNumberWidth = (hunks: readonly Hunk[]): number =>
  String(largestLineNumber(hunks)).length;

function describeFile(file: FileChange): string {
  const moved =
    file.previousPath !== null && (file.status === 'renamed' || file.status === 'copied')
      ? `${file.status} from ${file.previousPath}`
      : file.status;
  const counts = file.binary ? 'binary' : `+${file.additions} -${file.deletions}`;
  return `${moved}, ${counts}`;
}

export function formatHunkHeader(hunk: Hunk): string {
  const header = `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`;
  const section = withoutCarriageReturn(hunk.section);
  return section === '' ? header : `${header} ${section}`;
}

export function formatLine(line: DiffLine, width: number): string {
  const [side, number, op] =
    line.kind === 'del'
      ? ['L', line.oldLine, '-']
      : ['R', line.newLine, line.kind === 'add' ? '+' : ' '];
  const prefix = `${side} ${String(number ?? '').padStart(width)} ${op}`;
  const text = withoutCarriageReturn(line.text);
  return text === '' ? prefix.trimEnd() : `${prefix} ${text}`;
}

function largestLineNumber(hunks: readonly Hunk[]): number {
  let largest = 0;
  for (const hunk of hunks) {
    largest = Math.max(largest, hunk.oldStart + hunk.oldLines, hunk.newStart + hunk.newLines);
  }
  return largest;
}

/** A line's text without the `\r` a CRLF file leaves at its end. */
export function withoutCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
