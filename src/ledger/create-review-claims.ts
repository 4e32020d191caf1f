/**
 * Review claims over SQL, for every database: each step is one statement, so two deliveries
 * cannot both win a claim or both take over the same one, without a transaction.
 */
import { toIsoTimestamp } from './ledger-columns.js';
import { ClaimHolderSchema, TakenClaimSchema } from './schema.js';
import type { SqlExecutor, SqlValue } from './sql/types.js';
import type { ClaimResult, ReviewClaims, ReviewKey } from './types.js';

const KEY_MATCH = 'repo = ? AND pr = ? AND head_sha = ? AND tier = ?';
/** A claim released between our INSERT and SELECT is retried; more than this is a bug. */
const CLAIM_ATTEMPTS = 5;

const keyValues = (key: ReviewKey): SqlValue[] => [key.repo, key.pr, key.headSha, key.tier];

export const createReviewClaims = (db: SqlExecutor): ReviewClaims => ({
  async claim(key, deliveryId, options = {}): Promise<ClaimResult> {
    const staleBefore =
      options.staleBefore === undefined ? null : toIsoTimestamp(options.staleBefore, 'staleBefore');
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const now = new Date().toISOString();
      const inserted = await db.run(
        `INSERT INTO review_claims (repo, pr, head_sha, tier, delivery_id, state, claimed_at)
         VALUES (?, ?, ?, ?, ?, 'running', ?) ON CONFLICT (repo, pr, head_sha, tier) DO NOTHING`,
        [...keyValues(key), deliveryId, now],
      );
      if (inserted === 1) return { claimed: true };
      // A running claim this delivery may take over: its own earlier attempt, which the queue has
      // given up on (a crash), or one older than staleBefore.
      const takeOver =
        staleBefore === null ? 'delivery_id = ?' : '(delivery_id = ? OR claimed_at < ?)';
      const [taken] = await db.query(
        `UPDATE review_claims SET delivery_id = ?, claimed_at = ?
         WHERE ${KEY_MATCH} AND state = 'running' AND ${takeOver} RETURNING check_id`,
        [
          deliveryId,
          now,
          ...keyValues(key),
          deliveryId,
          ...(staleBefore === null ? [] : [staleBefore]),
        ],
      );
      if (taken !== undefined) {
        const { check_id: checkId } = TakenClaimSchema.parse(taken);
        return checkId === null ? { claimed: true } : { claimed: true, checkId };
      }
      const [row] = await db.query(
        `SELECT state, delivery_id FROM review_claims WHERE ${KEY_MATCH}`,
        keyValues(key),
      );
      if (row !== undefined) {
        const holder = ClaimHolderSchema.parse(row);
        return { claimed: false, state: holder.state, deliveryId: holder.delivery_id };
      }
    }
    throw new Error(
      `could not claim ${key.repo}#${key.pr} ${key.headSha} (${key.tier}): the claim was taken and released ${CLAIM_ATTEMPTS} times in a row`,
    );
  },

  async attachCheck(key, deliveryId, checkId): Promise<void> {
    await db.run(
      `UPDATE review_claims SET check_id = ? WHERE ${KEY_MATCH} AND delivery_id = ? AND state = 'running'`,
      [checkId, ...keyValues(key), deliveryId],
    );
  },

  async releaseHeldBy(pull, deliveryId) {
    const rows = await db.query(
      `DELETE FROM review_claims WHERE repo = ? AND pr = ? AND delivery_id = ? AND state = 'running'
       RETURNING check_id`,
      [pull.repo, pull.pr, deliveryId],
    );
    return rows.flatMap((row) => {
      const { check_id: checkId } = TakenClaimSchema.parse(row);
      return checkId === null ? [] : [checkId];
    });
  },

  async settle(key, state): Promise<void> {
    await db.run(
      state === 'posted'
        ? `UPDATE review_claims SET state = 'posted' WHERE ${KEY_MATCH}`
        : // A posted review stays claimed forever: releasing only frees a running claim.
          `DELETE FROM review_claims WHERE ${KEY_MATCH} AND state = 'running'`,
      keyValues(key),
    );
  },
});
