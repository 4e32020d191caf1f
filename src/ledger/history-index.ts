/** The history index port: what history-aware risk reads, kept per repository in the ledger. */
import type { ChangeHistory, HistoryCommit } from '../domain/history.js';

export interface HistoryIndex {
  /**
   * Records commits of a repository's default branch (`owner/name`), in one transaction; a
   * commit already recorded is kept as it is. Returns how many path rows were new.
   */
  recordHistory(repo: string, commits: readonly HistoryCommit[]): Promise<number>;
  /**
   * What the commits recorded before `at` say about these paths; null when the repository has
   * no recorded commit before `at` (no history: no history signal).
   */
  historyOf(repo: string, paths: readonly string[], at: Date): Promise<ChangeHistory | null>;
}
