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
}

const { file, everyMs, truncateAboveBytes } = workerData as CheckpointThreadData;
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
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`PRAGMA user_version = ${pragmaNumber('user_version')}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  startedAt = pragmaNumber('data_version');
};

const checkpoint = (): void => {
  if (startedAt !== null && pragmaNumber('data_version') === startedAt) return;
  const result = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
  const copiedAll = result !== undefined && result.log === result.checkpointed;
  if (copiedAll && walBytes() > truncateAboveBytes) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
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
