/**
 * Budget reservations over SQL, for every database: `reserve` checks and inserts in one
 * transaction that holds the owner's lock (SQLite: the write lock; Postgres: an advisory lock),
 * so reviews racing for the last dollars of a cap, in any replica, cannot both get them.
 */
import { randomUUID } from 'node:crypto';
import { toIsoTimestamp } from './ledger-columns.js';
import { firstPassedCap, scopesOf, toCommitted, type CommittedNanos } from './first-passed-cap.js';
import { toNanos } from './money.js';
import { ownerOf } from './owner-of.js';
import { StoredInteger } from './schema.js';
import type { SqlExecutor } from './sql/types.js';
import type { BudgetReservations, BudgetScope, CommittedQuery, ReserveResult } from './types.js';

const sumOf = (column: string): string => `CAST(COALESCE(SUM(${column}), 0) AS bigint) AS nanos`;

/** `excluding`: a reservation that does not count (the one a new reservation replaces). */
const committedNanos = async (
  db: SqlExecutor,
  query: CommittedQuery,
  excluding = '',
): Promise<CommittedNanos> => {
  if (query.scope === 'pull') return pullNanos(db, query, excluding);
  const org = query.scope === 'org';
  const key = org ? ownerOf(query.repo) : query.repo;
  const [spent] = await db.query(
    `SELECT ${sumOf('cost_nanos')} FROM review_attempts
     WHERE ${org ? db.dialect.ownerOf('repo') : 'repo'} = ? AND started_at >= ? AND started_at < ?`,
    [key, toIsoTimestamp(query.from, 'from'), toIsoTimestamp(query.to, 'to')],
  );
  const [reserved] = await db.query(
    `SELECT ${sumOf('amount_nanos')} FROM budget_reservations
     WHERE ${org ? 'owner' : 'repo'} = ? AND expires_at > ? AND id <> ?`,
    [key, toIsoTimestamp(query.at, 'at'), excluding],
  );
  return {
    spentNanos: StoredInteger.parse(spent?.nanos),
    reservedNanos: StoredInteger.parse(reserved?.nanos),
  };
};

/** A pull request's spend over its whole life, and what its reviews in progress hold. */
const pullNanos = async (
  db: SqlExecutor,
  query: CommittedQuery,
  excluding: string,
): Promise<CommittedNanos> => {
  if (query.pr === undefined)
    throw new TypeError('the pull scope counts one pull request: the query must name its pr');
  const [spent] = await db.query(
    `SELECT ${sumOf('cost_nanos')} FROM review_attempts WHERE repo = ? AND pr = ?`,
    [query.repo, query.pr],
  );
  const [reserved] = await db.query(
    `SELECT ${sumOf('amount_nanos')} FROM budget_reservations
     WHERE repo = ? AND pr = ? AND expires_at > ? AND id <> ?`,
    [query.repo, query.pr, toIsoTimestamp(query.at, 'at'), excluding],
  );
  return {
    spentNanos: StoredInteger.parse(spent?.nanos),
    reservedNanos: StoredInteger.parse(reserved?.nanos),
  };
};

export const createBudgetReservations = (db: SqlExecutor): BudgetReservations => ({
  reserve: (request) => {
    const owner = ownerOf(request.repo);
    const at = toIsoTimestamp(request.at, 'at');
    const amountNanos = toNanos(request.amountUsd, 'amountUsd');
    // Every reservation for one owner waits its turn, whichever replica makes it: the org scope
    // spans all of the owner's repositories, so a per-repository lock would not be enough.
    return db.transaction(['budget', owner], async (tx): Promise<ReserveResult> => {
      await tx.run('DELETE FROM budget_reservations WHERE owner = ? AND expires_at <= ?', [
        owner,
        at,
      ]);
      const committed = new Map<BudgetScope, CommittedNanos>();
      for (const scope of scopesOf(request.caps)) {
        committed.set(scope, await committedNanos(tx, { ...request, scope }, request.replaces));
      }
      const passed = firstPassedCap(request.caps, amountNanos, committed);
      if (passed !== null) {
        const { cap, ...figures } = passed;
        return { reserved: false, scope: cap.scope, capUsd: cap.capUsd, ...figures };
      }
      if (request.replaces !== undefined) {
        await tx.run('DELETE FROM budget_reservations WHERE id = ?', [request.replaces]);
      }
      const id = randomUUID();
      await tx.run(
        `INSERT INTO budget_reservations (id, repo, owner, pr, amount_nanos, reserved_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          request.repo,
          owner,
          request.pr ?? null,
          amountNanos,
          at,
          toIsoTimestamp(request.expiresAt, 'expiresAt'),
        ],
      );
      return { reserved: true, id };
    });
  },

  async release(id) {
    await db.run('DELETE FROM budget_reservations WHERE id = ?', [id]);
  },

  committed: async (query) => toCommitted(await committedNanos(db, query)),
});
