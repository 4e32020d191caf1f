/** The Postgres ledger's pull request memory: `pr_state` and `posted_findings`. */
import type pg from 'pg';
import {
  buildPullStateUpsert,
  POSTED_FINDING_COLUMNS,
  postedFindingValues,
  toPostedFinding,
  toPullState,
  type StoredPullRecord,
} from './pull-state-columns.js';
import type { LedgerStore, PostedFinding, PullKey, PullState, PullStateUpdate } from './types.js';

type PullStateMethods = Pick<
  LedgerStore,
  'getPullState' | 'updatePullState' | 'recordPostedFindings' | 'listPostedFindings'
>;

const COLUMNS_PER_FINDING = 6;

export const createPostgresPullState = (pool: Pick<pg.Pool, 'query'>): PullStateMethods => ({
  async getPullState(key: PullKey): Promise<PullState | null> {
    const result = await pool.query<StoredPullRecord>(
      'SELECT * FROM pr_state WHERE repo = $1 AND pr = $2',
      [key.repo, key.pr],
    );
    const row = result.rows[0];
    return row === undefined ? null : toPullState(row);
  },

  async updatePullState(update: PullStateUpdate): Promise<PullState> {
    const { sql, values } = buildPullStateUpsert(update, (position) => `$${position}`);
    const result = await pool.query<StoredPullRecord>(sql, values);
    const row = result.rows[0];
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no row');
    return toPullState(row);
  },

  async recordPostedFindings(findings: readonly PostedFinding[]): Promise<void> {
    if (findings.length === 0) return;
    const rows = findings.map((_, row) => {
      const first = row * COLUMNS_PER_FINDING;
      return `(${Array.from({ length: COLUMNS_PER_FINDING }, (_, column) => `$${first + column + 1}`).join(', ')})`;
    });
    await pool.query(
      `INSERT INTO posted_findings (${POSTED_FINDING_COLUMNS}) VALUES ${rows.join(', ')}
       ON CONFLICT (repo, pr, fingerprint) DO NOTHING`,
      findings.flatMap(postedFindingValues),
    );
  },

  async listPostedFindings(key: PullKey): Promise<PostedFinding[]> {
    const result = await pool.query<StoredPullRecord>(
      'SELECT * FROM posted_findings WHERE repo = $1 AND pr = $2 ORDER BY created_at, fingerprint',
      [key.repo, key.pr],
    );
    return result.rows.map(toPostedFinding);
  },
});
