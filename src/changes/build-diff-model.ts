import type { DiffModel, FileChange } from '../domain/diff.js';

/** A diff model of these files, with their totals. */
export function buildDiffModel(files: readonly FileChange[], truncated: boolean): DiffModel {
  let additions = 0;
  let deletions = 0;
  for (const file of files) {
    additions += file.additions;
    deletions += file.deletions;
  }
  return { files, additions, deletions, truncated };
}
