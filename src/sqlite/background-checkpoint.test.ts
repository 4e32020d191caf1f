import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import type { Log } from '../domain/log.js';
import {
  checkpointThreadUrl,
  startBackgroundCheckpoint,
  type BackgroundCheckpoint,
} from './background-checkpoint.js';
import type { CheckpointThreadData } from './checkpoint-thread.js';

const dirs: string[] = [];
const running: BackgroundCheckpoint[] = [];
const dbs: DatabaseSync[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((checkpoint) => checkpoint.stop()));
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const openWal = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rr-checkpoint-'));
  dirs.push(dir);
  const file = join(dir, 'queue.sqlite');
  const db = new DatabaseSync(file);
  dbs.push(db);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('CREATE TABLE jobs (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  return { db, file };
};

const autocheckpointPages = (db: DatabaseSync): number =>
  Number(Object.values(db.prepare('PRAGMA wal_autocheckpoint').get() ?? {})[0]);

/** Polls until `check` holds, for at most ~10 s. */
const eventually = async (check: () => boolean): Promise<boolean> => {
  for (let tries = 0; tries < 200; tries++) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
};

describe('startBackgroundCheckpoint', () => {
  it('leaves checkpoints below the WAL limit to its thread, which copies the WAL back', async () => {
    const { db, file } = openWal();
    running.push(startBackgroundCheckpoint({ db, file, everyMs: 20 }));
    expect(autocheckpointPages(db)).toBe(4_096);

    const insert = db.prepare('INSERT INTO jobs (payload) VALUES (?)');
    for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(1_000));

    // Only a checkpoint writes the 2 MB of rows into the database file itself.
    expect(await eventually(() => statSync(file).size > 1_500_000)).toBe(true);
  });

  it('leaves the WAL alone when it is not running, so the test above can fail', async () => {
    const { db, file } = openWal();
    db.exec('PRAGMA wal_autocheckpoint = 0');

    const insert = db.prepare('INSERT INTO jobs (payload) VALUES (?)');
    for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(1_000));
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(statSync(file).size).toBeLessThan(100_000);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_500_000);
  });

  it("starts the WAL's next generation itself, so that the app's next commit only appends", async () => {
    const { db, file } = openWal();
    const insert = db.prepare('INSERT INTO jobs (payload) VALUES (?)');
    insert.run('first');
    // A generation of the WAL is told by the salt in its header, new each time the WAL starts over.
    const salt = () => readFileSync(`${file}-wal`).subarray(16, 24).toString('hex');
    const apps = salt();
    const checkpoint = startBackgroundCheckpoint({ db, file, everyMs: 20 });
    running.push(checkpoint);

    // The thread copies the app's frame back and starts over, though the app wrote nothing since.
    expect(await eventually(() => salt() !== apps)).toBe(true);
    const threads = salt();
    // With nothing new from the app, it does not start generation after generation.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(salt()).toBe(threads);

    await checkpoint.stop();
    insert.run('second');
    expect(salt()).toBe(threads);
    expect(db.prepare('SELECT payload FROM jobs ORDER BY id').all()).toEqual([
      { payload: 'first' },
      { payload: 'second' },
    ]);
  });

  it('turns automatic checkpoints back on when its thread dies', async () => {
    const { db } = openWal();
    const warnings: string[] = [];
    const log = {
      warn: (_fields: object, message: string) => warnings.push(message),
    } as unknown as Log;
    running.push(
      startBackgroundCheckpoint({ db, file: '/nonexistent/dir/queue.sqlite', everyMs: 20, log }),
    );

    expect(await eventually(() => autocheckpointPages(db) === 1_000)).toBe(true);
    expect(warnings[0]).toMatch(/background WAL checkpoints stopped/);
  });
});

describe('the checkpoint thread', () => {
  it.each([
    ['src/sqlite/background-checkpoint.ts', 'src/sqlite/checkpoint-thread.ts'],
    ['dist/sqlite/background-checkpoint.js', 'dist/sqlite/checkpoint-thread.js'],
  ])('is loaded from beside %s, as %s', (from, thread) => {
    expect(checkpointThreadUrl(`file:///app/${from}`).href).toBe(`file:///app/${thread}`);
  });

  it('runs from the JavaScript the build makes of it', async () => {
    const { db, file } = openWal();
    db.exec('PRAGMA wal_autocheckpoint = 0');
    const source = readFileSync(new URL('./checkpoint-thread.ts', import.meta.url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2023 },
    });
    const built = join(dirs.at(-1)!, 'checkpoint-thread.js');
    writeFileSync(join(dirs.at(-1)!, 'package.json'), '{ "type": "module" }');
    writeFileSync(built, outputText);
    const workerData: CheckpointThreadData = { file, everyMs: 20, truncateAboveBytes: 1 << 30 };
    const worker = new Worker(built, { workerData });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    let failed: unknown = null;
    worker.on('error', (error) => (failed = error));
    try {
      const insert = db.prepare('INSERT INTO jobs (payload) VALUES (?)');
      for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(1_000));
      expect(await eventually(() => failed !== null || statSync(file).size > 1_500_000)).toBe(true);
      expect(failed).toBeNull();
    } finally {
      worker.postMessage('stop');
      await exited;
    }
  });
});
