/**
 * The body of the checkpoint thread (started by background-checkpoint): every `everyMs` a
 * PASSIVE checkpoint on its own connection, which never waits for the app's writer. When that
 * copied every frame back and a burst has left the WAL file bigger than `truncateAboveBytes`, a
 * TRUNCATE checkpoint (which gives up at once if the writer is busy) empties it.
 *
 * Once every frame the app wrote is copied back, the WAL starts over with the next commit, and at
 * `synchronous = NORMAL` that commit also syncs the WAL's new header to disk: about once a second
 * under steady traffic, one of the app's commits (and the webhook waiting on it) waited for an
 * fsync. So the thread makes that first commit itself, rewriting the database's `user_version`
 * with its own value, and the app's next commit only appends. When the app is writing at that
 * moment the thread gives up (it never waits for the writer), and the app starts the WAL over as
 * before.
 *
 * Both of the thread's writes that hold the write lock (that first commit, and a TRUNCATE
 * checkpoint after a burst) wait for an fsync while they hold it. Meanwhile a commit of the app's
 * would wait in SQLite's busy handler, which sleeps on the app's event loop (1 ms, then 2, then
 * 5), so the thread raises `writing` (shared with background-checkpoint) for as long as it holds
 * the lock, and the app waits for it to come down without holding its loop.
 *
 * It imports only `node:` modules and uses only erasable TypeScript, so Node runs it from
 * source (types stripped) as well as from the build.
 */
import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointThreadData {
  readonly file: string;
  readonly everyMs: number;
  readonly truncateAboveBytes: number;
  /** Cell 0 is 1 while this thread holds the write lock, else 0. */
  readonly writing: Int32Array;
}

const { file, everyMs, truncateAboveBytes, writing } = workerData as CheckpointThreadData;

/** `work` with `writing` raised, lowered (and its waiters woken) however it ends. */
const holdingWriteLock = (work: () => void): void => {
  Atomics.store(writing, 0, 1);
  try {
    work();
  } finally {
    Atomics.store(writing, 0, 0);
    Atomics.notify(writing, 0);
  }
};
const db = new DatabaseSync(file, { timeout: 0 });
db.exec('PRAGMA synchronous = NORMAL');
let failures = 0;

const walBytes = (): number => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

const pragmaNumber = (pragma: string): number =>
  Number(Object.values(db.prepare(`PRAGMA ${pragma}`).get() ?? {})[0] ?? 0);

/**
 * `data_version` after this thread started the WAL's current generation; it changes only when
 * another connection commits. Until the app commits, the generation's one frame is left in the
 * WAL: copied back, it would let the app's next commit start the WAL over again.
 */
let startedAt: number | null = null;

/** The first commit of the WAL's next generation: page 1 rewritten as it is. */
const startGeneration = (): void => {
  holdingWriteLock(() => {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(`PRAGMA user_version = ${pragmaNumber('user_version')}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  });
  startedAt = pragmaNumber('data_version');
};

const checkpoint = (): void => {
  if (startedAt !== null && pragmaNumber('data_version') === startedAt) return;
  const result = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
  const copiedAll = result !== undefined && result.log === result.checkpointed;
  if (copiedAll && walBytes() > truncateAboveBytes)
    holdingWriteLock(() => db.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
  if (copiedAll) startGeneration();
};

const timer = setInterval(() => {
  try {
    checkpoint();
    failures = 0;
  } catch (error) {
    // SQLITE_BUSY: the writer or another checkpoint is busy; anything else, three times, ends the thread.
    const message = error instanceof Error ? error.message : String(error);
    if (!/busy|locked/i.test(message) && ++failures >= 3) throw error;
  }
}, everyMs);

parentPort?.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
