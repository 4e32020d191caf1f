/**
 * The body of the checkpoint thread (started by background-checkpoint): every `everyMs` a
 * PASSIVE checkpoint on its own connection, which never waits for the app's writer. When that
 * copied every frame back and a burst has left the WAL file bigger than `truncateAboveBytes`, a
 * TRUNCATE checkpoint (which gives up at once if the writer is busy) empties it.
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
let failures = 0;

const walBytes = (): number => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

const checkpoint = (): void => {
  const result = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
  const copiedAll = result !== undefined && result.log === result.checkpointed;
  if (copiedAll && walBytes() > truncateAboveBytes) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
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
