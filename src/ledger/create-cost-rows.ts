/** The cost rows over SQL, for every database: record, list, stream and the report queries. */
import type { LedgerRow } from '../domain/ledger-entry.js';
import { aggregateCosts, summarizeCosts } from './aggregate-costs.js';
import {
  ATTEMPT_FIELDS,
  buildWhere,
  checkLimit,
  INSERT_ATTEMPT,
  toColumnValues,
  toIsoTimestamp,
} from './ledger-columns.js';
import { LedgerRowSchema, StoredUsdSum } from './schema.js';
import type { SqlExecutor } from './sql/types.js';
import type { CostRows, LedgerListFilter, StreamOptions } from './types.js';

const DEFAULT_PAGE_SIZE = 1_000;
const NEWEST_FIRST = 'ORDER BY started_at DESC, id DESC';

const toRows = (rows: readonly unknown[]): LedgerRow[] =>
  rows.map((row) => LedgerRowSchema.parse(row));

async function* streamRows(
  db: SqlExecutor,
  filter: LedgerListFilter,
  options: StreamOptions,
): AsyncGenerator<LedgerRow> {
  const pageSize = checkLimit(options.pageSize ?? DEFAULT_PAGE_SIZE);
  let left = filter.limit === undefined ? Infinity : checkLimit(filter.limit);
  const where = buildWhere(filter);
  let after: LedgerRow | undefined;
  while (left > 0) {
    // Keyset pagination: the next page starts below the last row read, through the
    // (started_at, id) indexes, however deep into the ledger it is. The bound on started_at alone
    // is what lets SQLite seek the index: for an OR of two tests it scans from the newest row.
    const below = after === undefined ? '' : ' AND started_at <= ? AND (started_at < ? OR id < ?)';
    const rows = toRows(
      await db.query(
        `SELECT ${ATTEMPT_FIELDS} FROM review_attempts WHERE ${where.sql}${below} ${NEWEST_FIRST} LIMIT ?`,
        [
          ...where.params,
          ...(after === undefined ? [] : [after.startedAt, after.startedAt, after.id]),
          Math.min(pageSize, left),
        ],
      ),
    );
    for (const row of rows) yield row;
    if (rows.length < Math.min(pageSize, left)) return;
    left -= rows.length;
    after = rows.at(-1);
  }
}

export const createCostRows = (db: SqlExecutor): CostRows => ({
  async record(entry) {
    const [row] = await db.query(
      `${INSERT_ATTEMPT} RETURNING ${ATTEMPT_FIELDS}`,
      toColumnValues(entry),
    );
    return LedgerRowSchema.parse(row);
  },

  async list(filter = {}) {
    const where = buildWhere(filter);
    const limit = filter.limit === undefined ? [] : [checkLimit(filter.limit)];
    return toRows(
      await db.query(
        `SELECT ${ATTEMPT_FIELDS} FROM review_attempts WHERE ${where.sql} ${NEWEST_FIRST}${limit.length > 0 ? ' LIMIT ?' : ''}`,
        [...where.params, ...limit],
      ),
    );
  },

  stream: (filter = {}, options = {}) => streamRows(db, filter, options),

  async spend(repo, from, to) {
    const [row] = await db.query(
      `SELECT CAST(COALESCE(SUM(cost_nanos), 0) AS text) AS nanos FROM review_attempts
       WHERE repo = ? AND started_at >= ? AND started_at < ?`,
      [repo, toIsoTimestamp(from, 'from'), toIsoTimestamp(to, 'to')],
    );
    return StoredUsdSum.parse(row?.nanos);
  },

  aggregate: (filter, groupBy) => aggregateCosts(db, filter, groupBy),
  summarize: (filter = {}) => summarizeCosts(db, filter),
});
