/**
 * The report routes' reader for the Postgres ledger: a small pool of its own, so a long report
 * never takes the connections reviews and webhooks need. The queries already run in the
 * database, off the event loop.
 */
import pg from 'pg';
import { createReportQueries, type ReportReader } from '../report-queries.js';
import { createPostgresExecutor } from './postgres-executor.js';
import { CONNECTION_LIMITS } from './open-postgres-ledger.js';

export interface OpenPostgresReportReaderOptions {
  readonly connectionString: string;
}

/** Two report requests at once; more wait for a connection. */
const REPORT_CONNECTIONS = 2;

export const openPostgresReportReader = (
  options: OpenPostgresReportReaderOptions,
): ReportReader => {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: REPORT_CONNECTIONS,
    ...CONNECTION_LIMITS,
  });
  // An idle connection that dies is dropped by the pool; the next query reports the failure.
  pool.on('error', () => undefined);
  const db = createPostgresExecutor({ pool, schema: undefined });
  return { ...createReportQueries(db), close: () => db.close() };
};
