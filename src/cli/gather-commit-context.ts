/**
 * The code context of one commit of a local repository, as the app gathers it for a pull request:
 * the commit for the head, its parent (or the commit compared with) for the base.
 */
import { filesForContext } from '../context/files-for-context.js';
import { gatherContext, type GatherContextOptions } from '../context/gather-context.js';
import { createGitCodeSource } from '../context/git/git-code-source.js';
import type { ContextPool } from '../context/types.js';
import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { ContextLevel, Policy } from '../domain/policy.js';

export interface CommitContextOptions {
  readonly gitDir: string;
  readonly sha: string;
  /** What the commit is compared with; null for a first commit. */
  readonly parent: string | null;
  /** What the model reads (generated files already left out). */
  readonly diff: DiffModel;
  readonly classification: Classification;
  readonly policy: Policy;
  readonly level: ContextLevel;
  /** Secrets the diff's redaction found, redacted wherever context repeats them. */
  readonly knownSecrets: GatherContextOptions['knownSecrets'];
}

export const gatherCommitContext = (options: CommitContextOptions): Promise<ContextPool> => {
  const { gitDir, parent, policy } = options;
  return gatherContext({
    sources: {
      head: createGitCodeSource({ gitDir, commit: options.sha }),
      base: parent === null ? null : createGitCodeSource({ gitDir, commit: parent }),
    },
    files: filesForContext(
      options.diff.files,
      options.classification.fileRisk,
      policy.review.ignore_paths,
    ),
    knownSecrets: options.knownSecrets,
    level: options.level,
  });
};
