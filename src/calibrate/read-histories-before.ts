import type { ChangeHistory } from '../domain/history.js';
import { createHistoryAccumulator } from './create-history-accumulator.js';
import { readHistoryCommits } from './read-history-commits.js';

/**
 * For each wanted commit, what the commits before it say about the paths it changes: the history
 * is replayed oldest first and each wanted commit is asked about before it is added, so nothing
 * after it leaks in. The very first commit of a repository has no history: null.
 */
export const readHistoriesBefore = async (
  gitDir: string,
  wanted: ReadonlySet<string>,
  rev = 'HEAD',
): Promise<Map<string, ChangeHistory | null>> => {
  const histories = new Map<string, ChangeHistory | null>();
  const accumulator = createHistoryAccumulator();
  for await (const commit of readHistoryCommits(gitDir, rev)) {
    if (wanted.has(commit.sha)) {
      histories.set(
        commit.sha,
        accumulator.size === 0 ? null : accumulator.historyOf(commit.paths, commit.committedAt),
      );
    }
    accumulator.add(commit);
  }
  return histories;
};
