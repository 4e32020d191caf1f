/** The embedded ledger's pull request memory: `pr_state` and `posted_findings`. */
import type { DatabaseSync } from 'node:sqlite';
import {
  buildPullStateUpsert,
  POSTED_FINDING_COLUMNS,
  postedFindingValues,
  toPostedFinding,
  toPullState,
  type StoredPullRecord,
} from './pull-state-columns.js';
import type { LedgerStore } from './types.js';

type PullStateMethods = Pick<
  LedgerStore,
  'getPullState' | 'updatePullState' | 'recordPostedFindings' | 'listPostedFindings'
>;

/** `immediate` runs its work in a write transaction that takes the lock up front. */
export const createSqlitePullState = (
  db: DatabaseSync,
  immediate: <T>(work: () => T) => T,
): PullStateMethods => ({
  getPullState: (key) =>
    Promise.resolve().then(() => {
      const row = db
        .prepare('SELECT * FROM pr_state WHERE repo = ? AND pr = ?')
        .get(key.repo, key.pr);
      return row ? toPullState(row) : null;
    }),

  updatePullState: (update) =>
    Promise.resolve().then(() => {
      const { sql, values } = buildPullStateUpsert(update, () => '?');
      return toPullState(db.prepare(sql).get(...values) as StoredPullRecord);
    }),

  recordPostedFindings: (findings) =>
    Promise.resolve().then(() => {
      if (findings.length === 0) return;
      immediate(() => {
        const insert = db.prepare(
          `INSERT INTO posted_findings (${POSTED_FINDING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (repo, pr, fingerprint) DO NOTHING`,
        );
        for (const finding of findings) insert.run(...postedFindingValues(finding));
      });
    }),

  listPostedFindings: (key) =>
    Promise.resolve().then(() =>
      db
        .prepare(
          'SELECT * FROM posted_findings WHERE repo = ? AND pr = ? ORDER BY created_at, fingerprint',
        )
        .all(key.repo, key.pr)
        .map((row) => toPostedFinding(row as StoredPullRecord)),
    ),
});
