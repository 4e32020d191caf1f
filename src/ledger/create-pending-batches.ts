/** Batch reviews waiting for their provider (`pending_batches`) over SQL, for every database. */
import { z } from 'zod';
import { toIsoTimestamp } from './ledger-columns.js';
import { PROVIDERS, StoredInteger, StoredTimestamp, TRIGGERS } from './stored-values.js';
import type { SqlExecutor, SqlValue } from './sql/types.js';
import type { PendingBatch, PendingBatches, PendingBatchState } from './pending-batch-types.js';

const STATES = [
  'submitted',
  'fallback',
  'done',
  'superseded',
] as const satisfies readonly PendingBatchState[];
const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

const PendingBatchRow: z.ZodType<PendingBatch, unknown> = z
  .object({
    id: z.string(),
    repo: z.string(),
    pr: StoredInteger,
    head_sha: z.string(),
    tier: z.enum(['fast', 'deep']),
    provider: z.enum(PROVIDERS),
    model: z.string(),
    effort: z.enum(EFFORTS),
    batch_id: z.string(),
    state: z.enum(STATES),
    delivery_id: z.string(),
    installation_id: StoredInteger,
    trigger: z.enum(TRIGGERS),
    received_at: StoredTimestamp,
    reason: z.string(),
    budget_note: z.string().nullable(),
    max_input_tokens: StoredInteger,
    reservation_id: z.string().nullable(),
    check_id: StoredInteger.nullable(),
    polls: StoredInteger,
    submitted_at: StoredTimestamp,
    updated_at: StoredTimestamp,
  })
  .transform((row) => ({
    id: row.id,
    repo: row.repo,
    pr: row.pr,
    headSha: row.head_sha,
    tier: row.tier,
    provider: row.provider,
    model: row.model,
    effort: row.effort,
    batchId: row.batch_id,
    state: row.state,
    job: {
      deliveryId: row.delivery_id,
      installationId: row.installation_id,
      trigger: row.trigger,
      receivedAt: row.received_at,
    },
    reason: row.reason,
    budgetNote: row.budget_note,
    maxInputTokens: row.max_input_tokens,
    reservationId: row.reservation_id,
    checkId: row.check_id,
    polls: row.polls,
    at: row.submitted_at,
    updatedAt: row.updated_at,
  }));

export const createPendingBatches = (db: SqlExecutor): PendingBatches => ({
  async addPendingBatch(batch) {
    const at = toIsoTimestamp(batch.at, 'at');
    await db.run(
      `INSERT INTO pending_batches (id, repo, pr, head_sha, tier, provider, model, effort, batch_id,
         state, delivery_id, installation_id, "trigger", received_at, reason, budget_note,
         max_input_tokens, reservation_id, check_id, polls, submitted_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)`,
      [
        batch.id,
        batch.repo,
        batch.pr,
        batch.headSha,
        batch.tier,
        batch.provider,
        batch.model,
        batch.effort,
        batch.batchId,
        batch.job.deliveryId,
        batch.job.installationId,
        batch.job.trigger,
        toIsoTimestamp(batch.job.receivedAt, 'receivedAt'),
        batch.reason,
        batch.budgetNote,
        batch.maxInputTokens,
        batch.reservationId,
        at,
        at,
      ],
    );
  },

  async getPendingBatch(id) {
    const [row] = await db.query('SELECT * FROM pending_batches WHERE id = ?', [id]);
    return row === undefined ? null : PendingBatchRow.parse(row);
  },

  async listWaitingBatches(key) {
    const rows = await db.query(
      `SELECT * FROM pending_batches WHERE repo = ? AND pr = ? AND state = 'submitted'
       ORDER BY submitted_at, id`,
      [key.repo, key.pr],
    );
    return rows.map((row) => PendingBatchRow.parse(row));
  },

  async updatePendingBatch(id, change) {
    const set: [string, SqlValue][] = [['updated_at', toIsoTimestamp(change.at, 'at')]];
    if (change.state !== undefined) set.push(['state', change.state]);
    if (change.checkId !== undefined) set.push(['check_id', change.checkId]);
    if (change.polls !== undefined) set.push(['polls', change.polls]);
    const changed = await db.run(
      `UPDATE pending_batches SET ${set.map(([column]) => `${column} = ?`).join(', ')}
       WHERE id = ? AND state = ?`,
      [...set.map(([, value]) => value), id, change.from],
    );
    return changed === 1;
  },
});
