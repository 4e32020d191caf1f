/**
 * Opens the embedded queue's own SQLite file: WAL, its schema migrated under one IMMEDIATE
 * transaction, and the WAL kept small (see src/sqlite/background-checkpoint). Times that are
 * compared (`run_at`, `lease_until`) are epoch milliseconds; `created_at` and `updated_at` are ISO
 * strings for people reading the table.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ConfigError, errorMessage } from '../../domain/errors.js';

const BUSY_TIMEOUT_MS = 5_000;

/**
 * `review_jobs_by_state` serves every claim: `state = 'queued' AND run_at <= now ORDER BY run_at,
 * id` reads it in order and stops at the first job it can take, however many are queued.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE review_jobs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     delivery_id TEXT NOT NULL UNIQUE,
     pr_key TEXT NOT NULL,
     head_sha TEXT NOT NULL,
     payload TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'superseded', 'dead')),
     attempts INTEGER NOT NULL DEFAULT 0,
     run_at INTEGER NOT NULL,
     lease_owner TEXT,
     lease_until INTEGER,
     last_error TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX review_jobs_by_state ON review_jobs (state, run_at, id);
   CREATE INDEX review_jobs_by_pr ON review_jobs (pr_key, state);`,
];

export interface QueueDatabase {
  readonly db: DatabaseSync;
  /** Runs `work` in one IMMEDIATE transaction: every check-then-act of the queue is one. */
  readonly immediate: <T>(work: () => T) => T;
}

export const openQueueDatabase = (file: string): QueueDatabase => {
  let db: DatabaseSync;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new ConfigError(
      `cannot open the queue database ${file}: ${errorMessage(error)}. To resolve, make sure DATA_DIR is a writable directory.`,
      { variable: 'DATA_DIR' },
    );
  }
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA cache_size = -16000');

  const immediate = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  immediate(() => {
    const version = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
    if (version > MIGRATIONS.length)
      throw new Error(
        `the queue database ${file} was written by a newer review-router (schema ${version}, this one knows ${MIGRATIONS.length}). To resolve, run the newer version or move the file away.`,
      );
    for (const [index, sql] of MIGRATIONS.entries()) if (index >= version) db.exec(sql);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
  });
  return { db, immediate };
};
