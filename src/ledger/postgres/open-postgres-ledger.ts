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
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export const openPostgresLedger = (options: OpenPostgresLedgerOptions): LedgerStore => {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `invalid ledger schema name ${JSON.stringify(schema)}: use letters, digits and underscores, starting with a letter`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
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
