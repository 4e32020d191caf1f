/** The pull request memory (`pr_state`, `posted_findings`) over SQL, for every database. */
import { toIsoTimestamp } from './ledger-columns.js';
import { PostedFindingSchema, PullStateSchema } from './schema.js';
import type { SqlExecutor, SqlValue } from './sql/types.js';
import type { PostedFinding, PullMemory, PullStateUpdate } from './types.js';

const FINDING_COLUMNS = 'repo, pr, fingerprint, review_id, head_sha, created_at';

/**
 * `INSERT … ON CONFLICT (repo, pr) DO UPDATE` that sets only the fields the update names. Both
 * SQLite (3.35+) and Postgres accept it, with RETURNING.
 */
const upsertPullState = (update: PullStateUpdate): { sql: string; params: SqlValue[] } => {
  const set: [string, SqlValue][] = [['updated_at', toIsoTimestamp(update.at, 'at')]];
  if (update.lastReviewedSha !== undefined) set.push(['last_reviewed_sha', update.lastReviewedSha]);
  if (update.lastReviewedBase !== undefined)
    set.push(['last_reviewed_base', update.lastReviewedBase]);
  if (update.skip !== undefined) {
    set.push(['skipped_by', update.skip?.by ?? null]);
    set.push(['skipped_comment_id', update.skip?.commentId ?? null]);
  }
  if (update.summaryReviewId !== undefined) set.push(['summary_review_id', update.summaryReviewId]);
  const columns = ['repo', 'pr', ...set.map(([column]) => column)];
  return {
    sql:
      `INSERT INTO pr_state (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (repo, pr) DO UPDATE SET ` +
      `${set.map(([column]) => `${column} = excluded.${column}`).join(', ')} RETURNING *`,
    params: [update.repo, update.pr, ...set.map(([, value]) => value)],
  };
};

const findingValues = (finding: PostedFinding): SqlValue[] => [
  finding.repo,
  finding.pr,
  finding.fingerprint,
  finding.reviewId,
  finding.headSha,
  toIsoTimestamp(finding.createdAt, 'createdAt'),
];

export const createPullMemory = (db: SqlExecutor): PullMemory => ({
  async getPullState(key) {
    const [row] = await db.query('SELECT * FROM pr_state WHERE repo = ? AND pr = ?', [
      key.repo,
      key.pr,
    ]);
    return row === undefined ? null : PullStateSchema.parse(row);
  },

  async updatePullState(update) {
    const { sql, params } = upsertPullState(update);
    const [row] = await db.query(sql, params);
    return PullStateSchema.parse(row);
  },

  async recordPostedFindings(findings) {
    if (findings.length === 0) return;
    await db.run(
      `INSERT INTO posted_findings (${FINDING_COLUMNS})
       VALUES ${findings.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (repo, pr, fingerprint) DO NOTHING`,
      findings.flatMap(findingValues),
    );
  },

  async listPostedFindings(key) {
    const rows = await db.query(
      'SELECT * FROM posted_findings WHERE repo = ? AND pr = ? ORDER BY created_at, fingerprint',
      [key.repo, key.pr],
    );
    return rows.map((row) => PostedFindingSchema.parse(row));
  },
});
