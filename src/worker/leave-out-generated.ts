import { matchesAny } from '../classify/match-paths.js';
import type { DiffModel } from '../domain/diff.js';
import { detectGeneratedFile } from '../publish/detect-generated-file.js';
import type { OmittedFile } from '../publish/render-summary.js';

export interface ReviewableDiff {
  readonly diff: DiffModel;
  /** Lockfiles and generated files the policy's ignore_paths does not name, with why. */
  readonly leftOut: readonly OmittedFile[];
}

/**
 * Takes lockfiles and generated code out of what the model reads, so they never spend the token
 * budget. Files `review.ignore_paths` matches stay: the prompt lists them as ignored by policy.
 */
export const leaveOutGenerated = (
  diff: DiffModel,
  ignorePaths: readonly string[],
): ReviewableDiff => {
  const leftOut: OmittedFile[] = [];
  const kept = diff.files.filter((file) => {
    const kind = detectGeneratedFile(file.path);
    if (kind === null || matchesAny(file.path, ignorePaths)) return true;
    leftOut.push({ path: file.path, reason: kind });
    return false;
  });
  if (leftOut.length === 0) return { diff, leftOut };
  return {
    diff: {
      ...diff,
      files: kept,
      additions: kept.reduce((sum, file) => sum + file.additions, 0),
      deletions: kept.reduce((sum, file) => sum + file.deletions, 0),
    },
    leftOut,
  };
};
