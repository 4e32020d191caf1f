/**
 * Sums review attempts per distinct value of some keys, in the database. A database that runs on
 * the caller's thread (SQLite) is read in chunks of about `chunkRows` rows along the
 * (started_at, id) index, with the event loop free between chunks; the partial integer sums add
 * up exactly.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { buildWhere, type Where } from './ledger-columns.js';
import { StoredTimestamp, StoredInteger, StoredTotals } from './schema.js';
import type { SqlExecutor, SqlValue } from './sql/types.js';
import type { LedgerFilter } from './types.js';

/** Sums in nano-dollars, exact however many rows they add up. */
export interface NanoTotals {
  readonly reviews: number;
  readonly costNanos: bigint;
  readonly deepCostNanos: bigint;
  readonly savedNanos: bigint;
}

export interface SummedGroup {
  /** The value of each key, in the order asked for. */
  readonly keys: readonly (string | null)[];
  readonly totals: NanoTotals;
}

const KeyValue = z.string().nullable();

const TOTALS = `COUNT(*) AS reviews,
  CAST(COALESCE(SUM(cost_nanos), 0) AS text) AS "costNanos",
  CAST(COALESCE(SUM(deep_cost_nanos), 0) AS text) AS "deepCostNanos",
  CAST(COALESCE(SUM(CASE WHEN outcome = 'escalated' THEN 0 ELSE deep_cost_nanos END - cost_nanos), 0) AS text) AS "savedNanos"`;

export const addTotals = (a: NanoTotals, b: NanoTotals): NanoTotals => ({
  reviews: a.reviews + b.reviews,
  costNanos: a.costNanos + b.costNanos,
  deepCostNanos: a.deepCostNanos + b.deepCostNanos,
  savedNanos: a.savedNanos + b.savedNanos,
});

export const NO_TOTALS: NanoTotals = {
  reviews: 0,
  costNanos: 0n,
  deepCostNanos: 0n,
  savedNanos: 0n,
};

const and = (where: Where, sql: string, params: readonly SqlValue[]): Where => ({
  sql: `${where.sql} AND ${sql}`,
  params: [...where.params, ...params],
});

/** The (started_at, id) of the row `rows` past `from`: where the next chunk starts; null at the end. */
const nextBoundary = async (
  db: SqlExecutor,
  where: Where,
  rows: number,
): Promise<readonly [string, number] | null> => {
  const [row] = await db.query(
    `SELECT started_at, id FROM review_attempts WHERE ${where.sql}
     ORDER BY started_at, id LIMIT 1 OFFSET ?`,
    [...where.params, rows],
  );
  return row === undefined
    ? null
    : [StoredTimestamp.parse(row.started_at), StoredInteger.parse(row.id)];
};

/** `keys`: SQL expressions to group by, in order. */
export const sumGroups = async (
  db: SqlExecutor,
  filter: LedgerFilter,
  keys: readonly string[],
): Promise<SummedGroup[]> => {
  const select = keys.map((expression, index) => `${expression} AS k${index}`);
  const groupBy =
    keys.length === 0 ? '' : `GROUP BY ${keys.map((_, index) => index + 1).join(', ')}`;
  const groups = new Map<string, SummedGroup>();
  const chunkRows = db.dialect.chunkRows;
  // Chunks follow started_at, along the dialect's covering index in that order. A whole read is
  // left to the planner, which takes the index in the grouping's order where there is one (SQLite
  // has one per grouping of the report summary) and adds up without sorting.
  const source =
    filter.repo === undefined && chunkRows !== null ? db.dialect.totalsSource : 'review_attempts';
  const sumChunk = async (where: Where): Promise<void> => {
    const rows = await db.query(
      `SELECT ${[...select, TOTALS].join(', ')} FROM ${source} WHERE ${where.sql} ${groupBy}`,
      where.params,
    );
    for (const row of rows) {
      const values = keys.map((_, index) => KeyValue.parse(row[`k${index}`]));
      const parsed = StoredTotals.parse(row);
      if (parsed.reviews === 0) continue;
      const totals: NanoTotals = {
        reviews: parsed.reviews,
        costNanos: BigInt(parsed.costNanos),
        deepCostNanos: BigInt(parsed.deepCostNanos),
        savedNanos: BigInt(parsed.savedNanos),
      };
      const id = JSON.stringify(values);
      const seen = groups.get(id);
      groups.set(id, { keys: values, totals: seen ? addTotals(seen.totals, totals) : totals });
    }
  };

  const where = buildWhere(filter);
  if (chunkRows === null) {
    await sumChunk(where);
    return [...groups.values()];
  }
  let from = where;
  for (;;) {
    const boundary = await nextBoundary(db, from, chunkRows);
    await sumChunk(boundary === null ? from : and(from, '(started_at, id) < (?, ?)', boundary));
    if (boundary === null) return [...groups.values()];
    from = and(where, '(started_at, id) >= (?, ?)', boundary);
    await nextTurn();
  }
};
