/**
 * The embedded ledger: one SQLite file under DATA_DIR (node:sqlite). WAL mode lets the
 * `review-router costs` CLI read through a read-only handle while the app writes.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ConfigError, errorMessage } from '../../domain/errors.js';
import { startBackgroundCheckpoint } from '../../sqlite/background-checkpoint.js';
import { createLedgerStore } from '../create-ledger-store.js';
import { LATEST_VERSION, runMigrations } from '../migrations/run-migrations.js';
import type { LedgerStore } from '../types.js';
import { createSqliteExecutor } from './sqlite-executor.js';

export interface OpenSqliteLedgerOptions {
  readonly file: string;
  /** For readers such as the CLI: never writes, never migrates. */
  readonly readOnly?: boolean;
  /**
   * Checkpoint the WAL in a thread of its own (the app), rather than inside whichever commit
   * passes 1,000 pages: every review commits here, and that commit's fsyncs would hold the event
   * loop. A short-lived writer (a CLI backfill) leaves it to SQLite.
   */
  readonly checkpointInThread?: boolean;
}

const BUSY_TIMEOUT_MS = 5000;

const openDatabase = (file: string, readOnly: boolean): DatabaseSync => {
  try {
    if (!readOnly) mkdirSync(dirname(file), { recursive: true });
    // No busy wait inside SQLite: it would hold the event loop. The executor retries on a timer.
    return new DatabaseSync(file, { readOnly, timeout: 0 });
  } catch (error) {
    // A setting the operator can fix: said in one line, naming DATA_DIR.
    throw new ConfigError(
      `cannot open the ledger database ${file}${readOnly ? ' read-only' : ''}: ${errorMessage(error)}. To resolve, ${readOnly ? 'start the app once so it creates the ledger, or point DATA_DIR at the directory that holds it' : 'make sure DATA_DIR is a writable directory'}.`,
      { variable: 'DATA_DIR' },
    );
  }
};

const appliedVersion = (db: DatabaseSync): number => {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  return table
    ? Number(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()?.v ?? 0)
    : 0;
};

export const openSqliteLedger = (options: OpenSqliteLedgerOptions): LedgerStore => {
  const { file } = options;
  const readOnly = options.readOnly ?? false;
  const db = openDatabase(file, readOnly);
  if (!readOnly) {
    db.exec('PRAGMA journal_mode = WAL');
    // In WAL mode NORMAL is safe against a crash of the app (what the ledger must survive) and
    // spares an fsync per write: node:sqlite is synchronous, so an fsync stalls every webhook.
    db.exec('PRAGMA synchronous = NORMAL');
  }
  const executor = createSqliteExecutor({ db, busyTimeoutMs: BUSY_TIMEOUT_MS });
  const checkpoint =
    !readOnly && options.checkpointInThread === true
      ? startBackgroundCheckpoint({ db, file })
      : null;

  const checkMigrated = (): Promise<void> => {
    const latest = appliedVersion(db);
    if (latest >= LATEST_VERSION) return Promise.resolve();
    return Promise.reject(
      new Error(
        `the ledger database ${file} is at schema version ${latest}, this version of review-router needs ${LATEST_VERSION}. To resolve, start the app once so it migrates the ledger.`,
      ),
    );
  };

  return createLedgerStore({
    db: {
      ...executor,
      close: async () => {
        await checkpoint?.stop();
        await executor.close();
      },
    },
    migrate: readOnly ? checkMigrated : () => runMigrations(executor),
  });
};
