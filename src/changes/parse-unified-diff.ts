import type { DiffModel, FileChange, Hunk } from '../domain/diff.js';
import { buildDiffModel } from './build-diff-model.js';
import { readHunk } from './parse-hunks.js';
import { GIT_FILE_HEADER, readGitFileSection } from './read-git-file-section.js';
import type { GitFileSection } from './read-git-file-section.js';
import { readPatchPath, stripFirstComponent } from './read-patch-path.js';
import {
  linesOfPatchBytes,
  linesOfPatchLatin1,
  linesOfPatchText,
  stripCarriageReturn,
  type Latin1Patch,
  type PatchLines,
} from './patch-lines.js';

const COMBINED_HEADERS = ['diff --cc ', 'diff --combined '];
/**
 * `From <sha> Mon Sep 17 00:00:00 2001`: the first line of each mail of `git format-patch`, with
 * the commit's SHA-1 or SHA-256 as group 1.
 */
export const MAIL_START = /^From ([0-9a-f]{40}|[0-9a-f]{64}) Mon Sep 17 00:00:00 2001\r?$/;

/**
 * The `---` line that ends a mail's message (as `git am` splits it), from `start` on; null when
 * the next mail, or the end, comes first.
 */
function findMailSeparator(lines: PatchLines, start: number): number | null {
  for (let index = start; index < lines.length; index += 1) {
    const line = lines.at(index) ?? '';
    if (line === '---' || line === '---\r') return index;
    if (line.startsWith('From ') && MAIL_START.test(line)) return null;
  }
  return null;
}
const BINARY_FILES = /^Binary files (.+) and (.+) differ$/;

/**
 * Builds the diff model from the text of `git diff`, `git show`, `git format-patch` (one or
 * more mails: headers, commit messages, diffstats and `-- ` signatures are skipped) or a
 * plain unified diff with only `---`/`+++` headers. Reads each line once.
 *
 * Per-file additions and deletions are what `git diff --numstat` and `git apply --numstat`
 * print; a binary file has `binary: true` and zero counts where git prints `-`. A mode-only
 * change is `modified` with no hunks. A combined diff (`diff --cc`) is skipped. The same file
 * patched twice (a series of mails) gives two entries, in input order.
 *
 * The patch may be given as its bytes (UTF-8): the model is the same as from its text, and
 * takes less memory (see `linesOfPatchBytes`), or as those bytes read as Latin-1 text.
 */
export function parseUnifiedDiff(patch: string | Uint8Array | Latin1Patch): DiffModel {
  const lines =
    typeof patch === 'string'
      ? linesOfPatchText(patch)
      : patch instanceof Uint8Array
        ? linesOfPatchBytes(patch)
        : linesOfPatchLatin1(patch.latin1);
  const files: FileChange[] = [];
  let previousSection: GitFileSection | null = null;
  let index = 0;
  while (index < lines.length) {
    const line = lines.at(index) ?? '';
    if (line.startsWith(GIT_FILE_HEADER)) {
      const read = readGitFileSection(lines, index);
      if (read !== null) pushGitFile(files, read, previousSection);
      previousSection = read;
      index = read === null ? index + 1 : read.next;
      continue;
    }
    // A type change is two sections of one diff: a mail boundary or another file ends the pair.
    if (line.startsWith('From ')) {
      previousSection = null;
      // A mail's message is not indented: a diff quoted in it is text, up to the `---` line.
      const separator = MAIL_START.test(line) ? findMailSeparator(lines, index + 1) : null;
      if (separator !== null) {
        index = separator + 1;
        continue;
      }
    }
    if (COMBINED_HEADERS.some((header) => line.startsWith(header))) {
      previousSection = null;
      index = skipCombinedDiff(lines, index + 1);
    } else if (isTraditionalHeader(lines, index)) {
      previousSection = null;
      const read = readTraditionalSection(lines, index);
      files.push(read.file);
      index = read.next;
    } else {
      const binary = line.startsWith('Binary files ')
        ? BINARY_FILES.exec(stripCarriageReturn(line))
        : null;
      if (binary !== null) {
        previousSection = null;
        files.push(traditionalBinaryFile(binary[1] ?? '', binary[2] ?? ''));
      }
      index += 1;
    }
  }
  return buildDiffModel(files, false);
}

/** The file type of a git mode: 100644 and 100755 are both regular files. */
const fileTypeOf = (mode: string | null): string => (mode ?? '').slice(0, 3);

/**
 * Adds a git file to the list. A type change (a symlink that became a regular file, a file
 * that became a submodule) is written by git as a deletion then a creation of the same path;
 * `git diff --numstat` counts it as one file, so it becomes one `modified` file here too.
 */
function pushGitFile(
  files: FileChange[],
  section: GitFileSection,
  previous: GitFileSection | null,
): void {
  const deleted = previous?.file;
  const created = section.file;
  const typeChange =
    deleted !== undefined &&
    deleted.status === 'removed' &&
    created.status === 'added' &&
    deleted.path === created.path &&
    files.at(-1) === deleted &&
    fileTypeOf(previous?.mode ?? null) !== fileTypeOf(section.mode);
  if (!typeChange) {
    files.push(created);
    return;
  }
  const binary = deleted.binary || created.binary;
  files[files.length - 1] = {
    path: created.path,
    previousPath: null,
    status: 'modified',
    additions: binary ? 0 : deleted.additions + created.additions,
    deletions: binary ? 0 : deleted.deletions + created.deletions,
    binary,
    patchAvailable: deleted.patchAvailable && created.patchAvailable,
    hunks: binary ? [] : [...deleted.hunks, ...created.hunks],
  };
}

/** `--- old`, `+++ new`, then a hunk header: the start of a plain unified diff of one file. */
function isTraditionalHeader(lines: PatchLines, index: number): boolean {
  return (
    (lines.at(index) ?? '').startsWith('--- ') &&
    (lines.at(index + 1) ?? '').startsWith('+++ ') &&
    (lines.at(index + 2) ?? '').startsWith('@@ -')
  );
}

/**
 * One file of a plain unified diff. Like `git apply`, it is never a rename: the path is the
 * new name (the old one for a deletion), with its first component dropped when it has one.
 */
function readTraditionalSection(
  lines: PatchLines,
  start: number,
): { file: FileChange; next: number } {
  const oldPath = readTraditionalPath(lines.at(start) ?? '');
  const newPath = readTraditionalPath(lines.at(start + 1) ?? '');
  const hunks: Hunk[] = [];
  const counts = { additions: 0, deletions: 0 };
  let next = start + 2;
  for (let read = readHunk(lines, next); read !== null; read = readHunk(lines, next)) {
    hunks.push(read.hunk);
    counts.additions += read.additions;
    counts.deletions += read.deletions;
    next = read.next;
  }
  // `diff -N` writes a missing side as an empty file dated the epoch, where git writes /dev/null.
  const created = oldPath === null || (isEpochSide(lines.at(start)) && spans(hunks, 'old') === 0);
  const deleted =
    newPath === null || (isEpochSide(lines.at(start + 1)) && spans(hunks, 'new') === 0);
  const file: FileChange = {
    path: newPath ?? oldPath ?? '',
    previousPath: null,
    status: created && !deleted ? 'added' : deleted && !created ? 'removed' : 'modified',
    additions: counts.additions,
    deletions: counts.deletions,
    binary: false,
    patchAvailable: true,
    hunks,
  };
  return { file, next };
}

/** `--- a/x\t1970-01-01 00:00:00 +0000`: the side `diff -N` gives a file that does not exist. */
const EPOCH = /\t(?:1970-01-01 0|1969-12-31 [12])/;
const isEpochSide = (line: string | undefined): boolean => EPOCH.test(line ?? '');

/** How many lines the hunks span on one side: 0 when that side is empty. */
const spans = (hunks: readonly Hunk[], side: 'old' | 'new'): number =>
  hunks.reduce((sum, hunk) => sum + (side === 'old' ? hunk.oldLines : hunk.newLines), 0);

function readTraditionalPath(line: string): string | null {
  const path = readPatchPath(line.slice(4));
  return path === null ? null : stripFirstComponent(path);
}

/** `Binary files old/x and new/x differ` as `diff -r` prints it, outside any git header. */
function traditionalBinaryFile(oldName: string, newName: string): FileChange {
  const oldPath = oldName === '/dev/null' ? null : stripFirstComponent(oldName);
  const newPath = newName === '/dev/null' ? null : stripFirstComponent(newName);
  return {
    path: newPath ?? oldPath ?? '',
    previousPath: null,
    status: oldPath === null ? 'added' : newPath === null ? 'removed' : 'modified',
    additions: 0,
    deletions: 0,
    binary: true,
    patchAvailable: false,
    hunks: [],
  };
}

/** Skips a combined diff's headers and `@@@` hunks up to the next file of any kind. */
function skipCombinedDiff(lines: PatchLines, start: number): number {
  let index = start;
  while (index < lines.length) {
    const line = lines.at(index) ?? '';
    if (line.startsWith(GIT_FILE_HEADER) || COMBINED_HEADERS.some((h) => line.startsWith(h))) break;
    index += 1;
  }
  return index;
}
