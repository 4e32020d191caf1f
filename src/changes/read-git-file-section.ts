import type { FileChange, FileStatus, Hunk } from '../domain/diff.js';
import { hasBinaryExtension } from './binary-paths.js';
import { readHunk } from './parse-hunks.js';
import { readPatchPath, splitDiffGitNames, stripFirstComponent } from './read-patch-path.js';
import { stripCarriageReturn, type PatchLines } from './patch-lines.js';

export const GIT_FILE_HEADER = 'diff --git ';

const IGNORED_HEADERS = [
  'old mode ',
  'new mode ',
  'index ',
  'similarity index ',
  'dissimilarity index ',
];

/** One file of a git patch, the index after it, and the mode it was created or deleted with. */
export interface GitFileSection {
  readonly file: FileChange;
  readonly next: number;
  readonly mode: string | null;
}

interface SectionHeader {
  oldPath: string | null;
  newPath: string | null;
  movedFrom: string | null;
  movedTo: string | null;
  move: 'renamed' | 'copied' | null;
  created: boolean;
  deleted: boolean;
  /** The mode of `new file mode` or `deleted file mode`: 100644, 100755, 120000 (symlink), 160000. */
  mode: string | null;
  binary: boolean;
  /** Whether a line other than `---`/`+++` followed `diff --git`: git always writes one, or hunks. */
  extended: boolean;
  /** Whether the paths carry git's `a/` and `b/` (false for `git diff --no-prefix`). */
  prefixed: boolean;
}

/**
 * Reads one file of a git patch, from its `diff --git` line through its extended headers
 * (modes, `new file mode`, `deleted file mode`, `rename from/to`, `copy from/to`, `index`),
 * its `---`/`+++` lines or binary marker, and its hunks. Returns the file and the index of
 * the first line after it; the base85 lines of a `GIT binary patch` are left to the caller,
 * which skips them as it skips any line outside a file. Returns null when nothing git would
 * write follows the `diff --git` line (a commit message line that starts with `diff --git`).
 */
export function readGitFileSection(lines: PatchLines, start: number): GitFileSection | null {
  const names = splitDiffGitNames(
    stripCarriageReturn(lines.at(start) ?? '').slice(GIT_FILE_HEADER.length),
  );
  const header: SectionHeader = {
    oldPath: names.oldPath,
    newPath: names.newPath,
    movedFrom: null,
    movedTo: null,
    move: null,
    created: false,
    deleted: false,
    mode: null,
    binary: false,
    extended: false,
    prefixed: names.prefixed,
  };
  let next = readHeaderLines(lines, start + 1, header);

  const hunks: Hunk[] = [];
  const counts = { additions: 0, deletions: 0 };
  while (!header.binary) {
    const read = readHunk(lines, next);
    if (read === null) break;
    hunks.push(read.hunk);
    counts.additions += read.additions;
    counts.deletions += read.deletions;
    next = read.next;
  }
  if (!header.extended && hunks.length === 0) return null;
  return { file: toFileChange(header, hunks, counts), next, mode: header.mode };
}

function readHeaderLines(lines: PatchLines, start: number, header: SectionHeader): number {
  for (let index = start; index < lines.length; index += 1) {
    const line = stripCarriageReturn(lines.at(index) ?? '');
    if (line.startsWith('--- ')) header.oldPath = readPrefixedPath(line.slice(4), header.prefixed);
    else if (line.startsWith('+++ '))
      header.newPath = readPrefixedPath(line.slice(4), header.prefixed);
    else if (readExtendedHeader(line, header)) header.extended = true;
    else return index;
  }
  return lines.length;
}

/** Applies one extended header line to the header; false when the line is not one. */
function readExtendedHeader(line: string, header: SectionHeader): boolean {
  if (line.startsWith('new file mode ')) setCreatedOrDeleted(header, 'created', line.slice(14));
  else if (line.startsWith('deleted file mode ')) {
    setCreatedOrDeleted(header, 'deleted', line.slice(18));
  } else if (line.startsWith('rename from ')) moveFrom(header, 'renamed', line.slice(12));
  else if (line.startsWith('rename old ')) moveFrom(header, 'renamed', line.slice(11));
  else if (line.startsWith('rename to ')) header.movedTo = readPatchPath(line.slice(10));
  else if (line.startsWith('rename new ')) header.movedTo = readPatchPath(line.slice(11));
  else if (line.startsWith('copy from ')) moveFrom(header, 'copied', line.slice(10));
  else if (line.startsWith('copy to ')) header.movedTo = readPatchPath(line.slice(8));
  else if (line.startsWith('Binary files ') && line.endsWith(' differ')) header.binary = true;
  else if (line === 'GIT binary patch') header.binary = true;
  else return IGNORED_HEADERS.some((prefix) => line.startsWith(prefix));
  return true;
}

function setCreatedOrDeleted(
  header: SectionHeader,
  what: 'created' | 'deleted',
  mode: string,
): void {
  header[what] = true;
  header.mode = mode.trim();
}

function moveFrom(header: SectionHeader, move: 'renamed' | 'copied', path: string): void {
  header.move = move;
  header.movedFrom = readPatchPath(path);
}

function readPrefixedPath(text: string, prefixed: boolean): string | null {
  const path = readPatchPath(text);
  return path === null || !prefixed ? path : stripFirstComponent(path);
}

function toFileChange(
  header: SectionHeader,
  hunks: readonly Hunk[],
  changed: { readonly additions: number; readonly deletions: number },
): FileChange {
  const status: FileStatus = header.created
    ? 'added'
    : header.deleted
      ? 'removed'
      : (header.move ?? 'modified');
  const moved = header.move !== null && !header.created && !header.deleted;
  const path =
    (moved ? header.movedTo : null) ??
    (header.deleted ? header.oldPath : null) ??
    header.newPath ??
    header.oldPath ??
    '';
  const previousPath = moved ? (header.movedFrom ?? header.oldPath) : null;
  const binary = header.binary || (isTextless(header, hunks) && isBinaryByName(path, previousPath));
  const counts = binary ? { additions: 0, deletions: 0 } : changed;
  return {
    path,
    previousPath,
    status,
    additions: counts.additions,
    deletions: counts.deletions,
    binary,
    patchAvailable: !binary,
    hunks: binary ? [] : hunks,
  };
}

/**
 * A file whose content git left out because it did not change: a pure rename or copy, or a
 * mode change. Its patch has no hunks and no binary marker, so it cannot say whether the file
 * is binary (`git diff --numstat`, which reads the blobs, prints `-` for a binary one). A new
 * or deleted file without hunks is empty, which git counts as text.
 */
function isTextless(header: SectionHeader, hunks: readonly Hunk[]): boolean {
  return hunks.length === 0 && !header.created && !header.deleted;
}

const isBinaryByName = (path: string, previousPath: string | null): boolean =>
  hasBinaryExtension(path) || (previousPath !== null && hasBinaryExtension(previousPath));
