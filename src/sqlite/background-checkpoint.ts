/**
 * WAL checkpoints for an embedded SQLite file, run by a worker thread on its own connection. The
 * embedded queue (every webhook commits there) and the embedded ledger (every review does) each
 * start one for their file.
 *
 * With `journal_mode = WAL` and `synchronous = NORMAL` a commit is a write to the WAL, without an
 * fsync; the fsync comes when the WAL is copied back into the database: the checkpoint. SQLite
 * runs it inside whichever commit passes 1,000 WAL pages, so one webhook in a couple of hundred
 * waited milliseconds for the disk while its enqueue committed, and every webhook behind it on the
 * event loop with it (the benchmark's p99, README "Performance"). Here a thread checkpoints every
 * second instead, PASSIVE: it never blocks a writer or waits for one (checkpoint-thread.ts).
 *
 * A PASSIVE checkpoint cannot keep up with a burst of commits: the WAL is only rewound when every
 * frame is copied back, and a writer that never pauses never lets that happen. So the committing
 * connection checkpoints itself once the WAL passes `walLimitBytes` (SQLite's own automatic
 * checkpoint, with a higher threshold than its 1,000 pages), and its `journal_size_limit` shrinks
 * the file back to that size when the WAL is rewound. Ordinary traffic never reaches the limit;
 * a burst is held near it. Should the thread die, automatic checkpoints come back at SQLite's
 * default.
 */
import { Worker } from 'node:worker_threads';
import type { DatabaseSync } from 'node:sqlite';
import { errorMessage } from '../domain/errors.js';
import type { Log } from '../domain/log.js';
import { threadModule } from '../domain/thread-module.js';
import type { CheckpointThreadData } from './checkpoint-thread.js';

/** How long `stop` waits for the thread to close its connection before ending it. */
const STOP_WAIT_MS = 2_000;

export interface BackgroundCheckpoint {
  /** Ends the thread after its current checkpoint, and resolves once it has closed its connection. */
  stop(): Promise<void>;
}

/** SQLite's default: a commit that passes this many WAL pages checkpoints. */
const AUTOCHECKPOINT_PAGES = 1_000;

export interface BackgroundCheckpointOptions {
  /** The connection that commits; it checkpoints itself only past `walLimitBytes`. */
  readonly db: DatabaseSync;
  readonly file: string;
  readonly everyMs?: number;
  /** How big the WAL may grow in a burst before the committing connection checkpoints. */
  readonly walLimitBytes?: number;
  readonly log?: Log;
}

/** The thread's module next to this one: `.ts` when run from source, `.js` from the build. */
export const checkpointThreadUrl = (moduleUrl: string): URL =>
  threadModule('checkpoint-thread', moduleUrl).url;

export const startBackgroundCheckpoint = (
  options: BackgroundCheckpointOptions,
): BackgroundCheckpoint => {
  const { db, file, log } = options;
  const walLimitBytes = options.walLimitBytes ?? 16 * 1_048_576;
  const pageSize = Number(Object.values(db.prepare('PRAGMA page_size').get() ?? {})[0] ?? 4_096);
  const workerData: CheckpointThreadData = {
    file,
    everyMs: options.everyMs ?? 1_000,
    truncateAboveBytes: walLimitBytes,
  };
  const { url, execArgv } = threadModule('checkpoint-thread', import.meta.url);
  const worker = new Worker(url, { workerData, ...(execArgv ? { execArgv } : {}) });
  worker.unref();
  db.exec(`PRAGMA journal_size_limit = ${walLimitBytes}`);
  db.exec(`PRAGMA wal_autocheckpoint = ${Math.max(1, Math.floor(walLimitBytes / pageSize))}`);
  let stopped = false;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
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
      if (exited) return Promise.resolve();
      stopped = true;
      worker.postMessage('stop');
      // Wait for the thread to close its connection, so nothing writes beside the file once its
      // owner says it is closed; a thread that does not answer is ended.
      const end = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
      return exit.finally(() => clearTimeout(end));
    },
  };
};
