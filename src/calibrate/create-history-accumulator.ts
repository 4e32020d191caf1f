import { RECENT_FIX_SECONDS, type ChangeHistory, type HistoryCommit } from '../domain/history.js';

export interface HistoryAccumulator {
  /** Adds a commit; commits are added oldest first. */
  add(commit: HistoryCommit): void;
  /** What the commits added so far say about these paths, at time `at` (Unix seconds). */
  historyOf(paths: readonly string[], at: number): ChangeHistory;
  /** How many commits were added. */
  readonly size: number;
}

/**
 * The history index in memory, for a local repository: the same counts the ledger's history
 * index answers, built by replaying commits oldest first and asking before each one is added.
 */
export const createHistoryAccumulator = (): HistoryAccumulator => {
  const byPath = new Map<string, { commits: number; fixTimes: number[] }>();
  let size = 0;
  return {
    add(commit) {
      size += 1;
      for (const path of commit.paths) {
        const entry = byPath.get(path) ?? { commits: 0, fixTimes: [] };
        entry.commits += 1;
        if (commit.fix) entry.fixTimes.push(commit.committedAt);
        byPath.set(path, entry);
      }
    },
    historyOf(paths, at) {
      const since = at - RECENT_FIX_SECONDS;
      return {
        paths: [...new Set(paths)].flatMap((path) => {
          const entry = byPath.get(path);
          if (entry === undefined) return [];
          const recentFixes = entry.fixTimes.filter((time) => time >= since && time < at).length;
          return [{ path, commits: entry.commits, recentFixes }];
        }),
      };
    },
    get size() {
      return size;
    },
  };
};
