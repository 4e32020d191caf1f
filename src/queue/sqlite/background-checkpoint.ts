/**
 * WAL checkpoints for an embedded SQLite file, run by a worker thread on its own connection.
 *
 * With `journal_mode = WAL` and `synchronous = NORMAL` a commit is a write to the WAL, without an
 * fsync; the fsync comes when the WAL is copied back into the database: the checkpoint. SQLite
 * runs it inside whichever commit passes 1,000 WAL pages, so one webhook in a couple of hundred
 * waited milliseconds for the disk while its enqueue committed, and every webhook behind it on the
 * event loop with it (the benchmark's p99, README "Performance"). Here the committing connection
 * turns automatic checkpoints off and a thread checkpoints every second instead, PASSIVE: it never
 * blocks a writer or waits for one. Should the thread die, automatic checkpoints come back on,
 * so the WAL never grows without bound.
 */
import { Worker } from 'node:worker_threads';
import type { DatabaseSync } from 'node:sqlite';
import { errorMessage } from '../../domain/errors.js';
import type { Log } from '../../domain/log.js';

export interface BackgroundCheckpoint {
  /** Ends the thread after its current checkpoint; does not wait for it. */
  stop(): void;
}

/** SQLite's default: a commit that passes this many WAL pages checkpoints. */
const AUTOCHECKPOINT_PAGES = 1_000;

/** The thread: CommonJS, run with `eval`, so it needs no file of its own next to the build. */
const THREAD = `
const { DatabaseSync } = require('node:sqlite');
const { parentPort, workerData } = require('node:worker_threads');
const db = new DatabaseSync(workerData.file, { timeout: 0 });
let failures = 0;
const timer = setInterval(() => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    failures = 0;
  } catch (error) {
    // SQLITE_BUSY: another checkpoint is running; anything else, three times, ends the thread.
    if (!/busy|locked/i.test(String(error && error.message)) && ++failures >= 3) throw error;
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpointOptions {
  /** The connection that commits; its automatic checkpoints are turned off while the thread runs. */
  readonly db: DatabaseSync;
  readonly file: string;
  readonly everyMs?: number;
  readonly log?: Log;
}

export const startBackgroundCheckpoint = (
  options: BackgroundCheckpointOptions,
): BackgroundCheckpoint => {
  const { db, file, log } = options;
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { file, everyMs: options.everyMs ?? 1_000 },
  });
  worker.unref();
  db.exec('PRAGMA wal_autocheckpoint = 0');
  let stopped = false;
  const fallBack = (reason: string): void => {
    if (stopped) return;
    stopped = true;
    try {
      db.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    } catch {
      // The connection is closed: nothing left to checkpoint for.
    }
    log?.warn({ file, reason }, 'background WAL checkpoints stopped: commits checkpoint again');
  };
  worker.on('error', (error) => fallBack(errorMessage(error)));
  worker.on('exit', (code) => fallBack(`the checkpoint thread exited (${code})`));
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
    },
  };
};
