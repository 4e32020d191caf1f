import type { ChangeHistory } from '../domain/history.js';
import { createHistoryAccumulator } from './create-history-accumulator.js';
import { readHistoryCommits } from './read-history-commits.js';
import { runGit } from './run-git.js';
import { resolveCommitRev } from './resolve-commit-rev.js';
import { isShallowEdge } from './shallow-edge.js';

/** One commit of a local repository: its patch, and what the history before it says about it. */
export interface CommitWithHistory {
  readonly sha: string;
  /** Unix seconds. */
  readonly committedAt: number;
  /** Its patch against its first parent (renames found), as `git show` prints it. */
  readonly patch: string;
  /** At the edge of a shallow clone: its parent was not fetched, and `patch` is the whole tree. */
  readonly shallowEdge: boolean;
  /** The commits before it, for the paths it changes; null for a repository's first commit. */
  readonly historyOf: (paths: readonly string[]) => ChangeHistory | null;
}

/**
 * Reads commit `rev` of a local repository and the history before it (its ancestors only, so
 * nothing after it leaks in); null when `rev` names no commit.
 */
export const readCommitWithHistory = async (
  gitDir: string,
  rev: string,
): Promise<CommitWithHistory | null> => {
  const resolved = await resolveCommitRev(gitDir, rev);
  if (resolved === null) return null;
  const [patch, historyOf, shallowEdge] = await Promise.all([
    runGit(gitDir, [
      'show',
      '--format=',
      '--patch',
      '-M',
      '--diff-merges=first-parent',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--submodule=short',
      resolved,
      '--',
    ]),
    readHistoryBefore(gitDir, resolved),
    isShallowEdge(gitDir, resolved),
  ]);
  return {
    sha: resolved,
    committedAt: historyOf.committedAt,
    patch: patch.toString('utf8'),
    shallowEdge,
    historyOf: historyOf.of,
  };
};

/**
 * What the history before commit `sha` (a full SHA) says about paths, as of the commit's time:
 * its ancestors only, so nothing after it leaks in. `of` answers null for a first commit.
 */
export const readHistoryBefore = async (
  gitDir: string,
  sha: string,
): Promise<{
  readonly committedAt: number;
  readonly of: (paths: readonly string[]) => ChangeHistory | null;
}> => {
  const time = await runGit(gitDir, ['log', '-1', '--format=%ct', sha, '--']);
  const accumulator = createHistoryAccumulator();
  for await (const commit of readHistoryCommits(gitDir, sha)) {
    if (commit.sha !== sha) accumulator.add(commit);
  }
  const committedAt = Number(time.toString('utf8').trim());
  return {
    committedAt,
    of: (paths) => (accumulator.size === 0 ? null : accumulator.historyOf(paths, committedAt)),
  };
};
