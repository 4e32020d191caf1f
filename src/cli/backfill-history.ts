import { readHistoryCommits } from '../calibrate/read-history-commits.js';
import type { HistoryCommit } from '../domain/history.js';
import type { HistoryIndex } from '../ledger/history-index.js';

/** Commits per transaction: a long history is written in steps, each one committed. */
const COMMITS_PER_BATCH = 2_000;

export interface BackfillHistoryOptions {
  readonly gitDir: string;
  /** `owner/name` as GitHub names the repository: the key push events write under. */
  readonly repo: string;
  readonly index: Pick<HistoryIndex, 'recordHistory'>;
  readonly onProgress?: (commits: number) => void;
}

/**
 * Writes a local repository's history (every non-merge commit reachable from HEAD: run it on the
 * default branch) into the history index, as push events would have: the history from before
 * the app was installed. Commits already there are kept as they are, so it can run again.
 */
export const backfillHistory = async (
  options: BackfillHistoryOptions,
): Promise<{ commits: number; rows: number }> => {
  let batch: HistoryCommit[] = [];
  let commits = 0;
  let rows = 0;
  const flush = async () => {
    rows += await options.index.recordHistory(options.repo, batch);
    commits += batch.length;
    batch = [];
    options.onProgress?.(commits);
  };
  for await (const commit of readHistoryCommits(options.gitDir)) {
    batch.push(commit);
    if (batch.length >= COMMITS_PER_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { commits, rows };
};
