/**
 * The reads behind the report routes, over SQL for every database: the `/reports/costs` summary
 * and the report page's most expensive reviews, both answered by the database (a sum, and an
 * `ORDER BY … LIMIT`), never by loading the rows.
 */
import type { LedgerRow } from '../domain/ledger-entry.js';
import { summarizeCosts } from './aggregate-costs.js';
import { ATTEMPT_FIELDS, buildWhere, checkLimit } from './ledger-columns.js';
import { LedgerRowSchema } from './schema.js';
import type { SqlExecutor } from './sql/types.js';
import { groupFindings } from './finding-feedback-reports.js';
import type {
  FindingFilter,
  FindingGroup,
  FindingGroupKey,
  LedgerFilter,
  LedgerSummary,
} from './types.js';

/** What the report routes read; an adapter may answer it on another thread or connection. */
export interface ReportQueries {
  /** Totals, per repository and per UTC day (the `/reports/costs` body). */
  summarize(filter: LedgerFilter): Promise<LedgerSummary>;
  /** The `limit` attempts that cost the most: by cost, then newest first. */
  mostExpensive(filter: LedgerFilter, limit: number): Promise<LedgerRow[]>;
  /** The findings posted in the window, one group per key, added up in the database. */
  groupFindings(
    filter: FindingFilter,
    groupBy: readonly FindingGroupKey[],
  ): Promise<FindingGroup[]>;
}

/** A reader with its own connection (or thread), closed with the app. */
export interface ReportReader extends ReportQueries {
  close(): Promise<void>;
}

export const createReportQueries = (db: SqlExecutor): ReportQueries => ({
  summarize: (filter) => summarizeCosts(db, filter),
  groupFindings: (filter, groupBy) => groupFindings(db, filter, groupBy),
  async mostExpensive(filter, limit) {
    const where = buildWhere(filter);
    const rows = await db.query(
      `SELECT ${ATTEMPT_FIELDS} FROM review_attempts WHERE ${where.sql}
       ORDER BY cost_nanos DESC, started_at DESC, id DESC LIMIT ?`,
      [...where.params, checkLimit(limit)],
    );
    return rows.map((row) => LedgerRowSchema.parse(row));
  },
});
