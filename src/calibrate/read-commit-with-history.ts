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
  const [patch, time, shallowEdge] = await Promise.all([
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
    runGit(gitDir, ['log', '-1', '--format=%ct', resolved, '--']),
    isShallowEdge(gitDir, resolved),
  ]);
  const accumulator = createHistoryAccumulator();
  for await (const commit of readHistoryCommits(gitDir, resolved)) {
    if (commit.sha !== resolved) accumulator.add(commit);
  }
  const committedAt = Number(time.toString('utf8').trim());
  return {
    sha: resolved,
    committedAt,
    patch: patch.toString('utf8'),
    shallowEdge,
    historyOf: (paths) =>
      accumulator.size === 0 ? null : accumulator.historyOf(paths, committedAt),
  };
};
