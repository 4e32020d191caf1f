import type { DiffModel, FileChange, FileStatus } from '../domain/diff.js';
import { hasBinaryExtension } from './binary-paths.js';
import { buildDiffModel } from './build-diff-model.js';
import { parseHunks } from './parse-hunks.js';
import type { FromGitHubFilesOptions, ListedFile } from './types.js';

const STATUSES: readonly FileStatus[] = [
  'added',
  'removed',
  'modified',
  'renamed',
  'copied',
  'changed',
  'unchanged',
];

/**
 * Builds the diff model from `pulls.listFiles` entries (all pages, in order). Counts come from
 * the API. A file with a `patch` gets its hunks from the same parser as `parseUnifiedDiff`.
 * A file without one is one of:
 * - a pure rename or copy, or a `changed`/`unchanged` file, with zero counts: nothing to show
 *   (`patchAvailable: true`, no hunks), unless its extension is a binary file's (png, pdf,
 *   zip, ...): then binary, as `parseUnifiedDiff` reads the same file. GitHub sends a binary
 *   file renamed with an edit the same way, so it reads as binary too;
 * - any other file with zero counts: binary (`binary: true`, `patchAvailable: false`). GitHub
 *   sends an empty new file or a mode-only change listed as `modified` the same way, so
 *   those read as binary too;
 * - a file with counts: too large for GitHub to include (`patchAvailable: false`, no hunks).
 */
export function fromGitHubFiles(
  files: readonly ListedFile[],
  options: FromGitHubFilesOptions,
): DiffModel {
  return buildDiffModel(files.map(toFileChange), options.truncated);
}

function toFileChange(file: ListedFile): FileChange {
  const status = toFileStatus(file.status);
  const previousPath = file.previous_filename ?? null;
  const base = { path: file.filename, previousPath, status };
  if (file.patch !== undefined) {
    const hunks = parseHunks(file.patch);
    return { ...base, ...counts(file), binary: false, patchAvailable: true, hunks };
  }
  const unchangedLines = file.additions + file.deletions === 0;
  const nothingToShow =
    unchangedLines &&
    (((status === 'renamed' || status === 'copied') && previousPath !== null) ||
      status === 'changed' ||
      status === 'unchanged');
  const binaryByName =
    hasBinaryExtension(file.filename) ||
    (previousPath !== null && hasBinaryExtension(previousPath));
  if (nothingToShow && !binaryByName) {
    return { ...base, ...counts(file), binary: false, patchAvailable: true, hunks: [] };
  }
  if (unchangedLines) {
    return { ...base, additions: 0, deletions: 0, binary: true, patchAvailable: false, hunks: [] };
  }
  return { ...base, ...counts(file), binary: false, patchAvailable: false, hunks: [] };
}

function counts(file: ListedFile): { additions: number; deletions: number } {
  return { additions: file.additions, deletions: file.deletions };
}

function toFileStatus(status: string): FileStatus {
  return STATUSES.find((known) => known === status) ?? 'modified';
}
