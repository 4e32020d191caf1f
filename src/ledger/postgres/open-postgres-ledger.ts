/**
 * The shared ledger for several replicas: Postgres through a `pg` Pool. An optional
 * schema (created by migrate(), set as each connection's search_path) keeps test runs apart.
 */
import pg from 'pg';
import { createLedgerStore } from '../create-ledger-store.js';
import { runMigrations } from '../migrations/run-migrations.js';
import type { LedgerStore } from '../types.js';
import { createPostgresExecutor } from './postgres-executor.js';

export interface OpenPostgresLedgerOptions {
  readonly connectionString: string;
  /** A schema of its own (letters, digits, underscores); default: the server's search_path. */
  readonly schema?: string | undefined;
  /** Tighter limits than CONNECTION_LIMITS, for a test. */
  readonly limits?: Partial<ConnectionLimits>;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/**
 * Postgres cannot estimate how many groups a month or a day of started_at makes, plans for a
 * million, and with the default 4 MB spills the report totals to disk; 64 MB keeps them in memory
 * (a million rows by repository and month: 1.5 s instead of 2.5 s).
 */
export const REPORT_WORK_MEM = '-c work_mem=64MB';

/**
 * A database that stops answering must fail a query, not hold it: a job waiting on it keeps
 * renewing its queue lock, so no other worker takes it over. Connecting gets 10 s; a query gets
 * 5 minutes (far above the slowest, a report over a million rows or a migration's index); TCP
 * keepalive finds a peer that went away without closing the connection.
 */
export const CONNECTION_LIMITS: ConnectionLimits = {
  connectionTimeoutMillis: 10_000,
  query_timeout: 5 * 60_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
};

interface ConnectionLimits {
  readonly connectionTimeoutMillis: number;
  readonly query_timeout: number;
  readonly keepAlive: boolean;
  readonly keepAliveInitialDelayMillis: number;
}

export const openPostgresLedger = (options: OpenPostgresLedgerOptions): LedgerStore => {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `invalid ledger schema name ${JSON.stringify(schema)}: use letters, digits and underscores, starting with a letter`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    options: [...(schema === undefined ? [] : [`-c search_path=${schema}`]), REPORT_WORK_MEM].join(
      ' ',
    ),
    ...CONNECTION_LIMITS,
    ...options.limits,
  });
  // An idle connection that dies is dropped by the pool; the next query reports the failure.
  pool.on('error', () => undefined);
  const db = createPostgresExecutor({ pool, schema });
  return createLedgerStore({
    db,
    migrate: () =>
      runMigrations(db, {
        before: schema === undefined ? [] : [`CREATE SCHEMA IF NOT EXISTS "${schema}"`],
      }),
  });
};
