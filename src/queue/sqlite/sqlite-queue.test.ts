import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError } from '../../domain/errors.js';
import { describeJobQueueContract } from '../job-queue.contract.js';
import { createSqliteQueue } from './sqlite-queue.js';
import { reviewJob, whenAborted } from '../test-review-job.js';

const root = mkdtempSync(join(tmpdir(), 'sqlite-queue-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fileFor = (storage: string): string => join(root, storage, 'queue.sqlite');

const FAST = { leaseMs: 150, pollMs: 10 };

describeJobQueueContract(
  'sqlite queue',
  (hooks) =>
    Promise.resolve(createSqliteQueue({ ...hooks, ...FAST, file: fileFor(hooks.storage) })),
  { replicas: false },
);

describe('createSqliteQueue', () => {
  let files = 0;
  const freshFile = (): string => fileFor(`specific-${(files += 1)}`);
  const rows = (file: string) => {
    const db = new DatabaseSync(file, { readOnly: true });
    const all = db
      .prepare('SELECT delivery_id, state, attempts, last_error FROM review_jobs ORDER BY id')
      .all()
      .map((row) => ({ ...row }));
    db.close();
    return all;
  };

  it('keeps its jobs in a WAL-mode review_jobs table: done, superseded and the newest head', async () => {
    const file = freshFile();
    const queue = createSqliteQueue({ file, ...FAST });
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      queue.start(async (job) => {
        if (job.headSha !== 'a') return;
        resolve();
        await new Promise<void>((done) => (release = done));
      });
    });
    await queue.enqueue(reviewJob(1, 'a'));
    await started;
    await queue.enqueue(reviewJob(1, 'b'));
    await queue.enqueue(reviewJob(1, 'c'));
    release();
    await queue.idle();
    await queue.stop();
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    expect(rows(file).map(({ delivery_id, state }) => [delivery_id, state])).toEqual([
      ['1-a', 'superseded'],
      ['1-b', 'superseded'],
      ['1-c', 'done'],
    ]);
  });

  it('returns from an enqueue (the webhook is acknowledged) before it claims and starts the job', async () => {
    const file = freshFile();
    // A long poll: only the enqueue itself can hand the job over.
    const queue = createSqliteQueue({ file, leaseMs: 150, pollMs: 60_000 });
    const started: string[] = [];
    queue.start((job) => Promise.resolve(void started.push(job.deliveryId)));
    await queue.enqueue(reviewJob(1, 'a'));
    expect(rows(file)).toEqual([expect.objectContaining({ delivery_id: '1-a', state: 'queued' })]);
    expect(started).toEqual([]);
    await queue.idle();
    expect(started).toEqual(['1-a']);
    await queue.stop();
  });

  it('keeps a dead job with its attempts and last error', async () => {
    const file = freshFile();
    const queue = createSqliteQueue({ file, ...FAST, maxAttempts: 2, backoffMs: () => 1 });
    queue.start(() => Promise.reject(new Error('GitHub answered 502')));
    await queue.enqueue(reviewJob(1, 'a'));
    await queue.idle();
    await queue.stop();
    expect(rows(file)).toEqual([
      { delivery_id: '1-a', state: 'dead', attempts: 2, last_error: 'GitHub answered 502' },
    ]);
  });

  it('dead-letters a job whose process died under it maxAttempts times, without running it again', async () => {
    const file = freshFile();
    const deadLetters: string[] = [];
    let buried!: () => void;
    const deadLettered = new Promise<void>((resolve) => (buried = resolve));
    const open = () =>
      createSqliteQueue({
        file,
        ...FAST,
        maxAttempts: 2,
        onDeadLetter: (_job, error) => {
          deadLetters.push(String(error));
          buried();
          return Promise.resolve();
        },
      });
    let runs = 0;
    for (const crash of [1, 2]) {
      const queue = open();
      const taken = new Promise<void>((resolve) =>
        queue.start(async (_job, signal) => {
          runs += 1;
          resolve();
          await whenAborted(signal);
        }),
      );
      if (crash === 1) await queue.enqueue(reviewJob(1, 'a'));
      await taken;
      await queue.abandon();
    }
    const last = open();
    last.start(() => Promise.resolve(void (runs += 1)));
    await deadLettered;
    await last.stop();
    expect(runs).toBe(2);
    expect(deadLetters).toEqual([expect.stringContaining('stopped before it finished, 2 times')]);
    expect(rows(file)).toMatchObject([{ state: 'dead', attempts: 2 }]);
  });

  it('spends no attempt on a job it hands back at shutdown', async () => {
    const file = freshFile();
    const queue = createSqliteQueue({ file, ...FAST, stopTimeoutMs: 20 });
    const taken = new Promise<void>((resolve) =>
      queue.start(async (_job, signal) => {
        resolve();
        await whenAborted(signal);
      }),
    );
    await queue.enqueue(reviewJob(1, 'a'));
    await taken;
    await queue.stop();
    expect(rows(file)).toMatchObject([{ state: 'queued', attempts: 0 }]);
  });

  it('aborts a running job when another process stores a newer head SHA for its pull request', async () => {
    const file = freshFile();
    const queue = createSqliteQueue({ file, ...FAST });
    const signal = await new Promise<AbortSignal>((resolve) => {
      // Only the first head waits to be superseded; the newer one runs to its end at once.
      queue.start(async (job, given) => {
        if (job.headSha !== 'a') return;
        resolve(given);
        await whenAborted(given);
      });
      void queue.enqueue(reviewJob(1, 'a'));
    });
    const other = createSqliteQueue({ file, ...FAST });
    await other.enqueue(reviewJob(1, 'b'));
    await other.stop();
    await whenAborted(signal);
    expect(String(signal.reason)).toContain('superseded by a newer push (head b)');
    await queue.stop();
  });

  it('forgets finished jobs after retainMs but keeps queued ones', async () => {
    const file = freshFile();
    const first = createSqliteQueue({ file, ...FAST });
    first.start(() => Promise.resolve());
    await first.enqueue(reviewJob(1, 'a'));
    await first.idle();
    await first.stop();
    const db = new DatabaseSync(file);
    db.exec(`UPDATE review_jobs SET updated_at = '2020-01-01T00:00:00.000Z'`);
    db.close();
    const second = createSqliteQueue({ file, ...FAST, retainMs: 60_000 });
    await second.enqueue(reviewJob(2, 'a'));
    second.start(() => new Promise(() => undefined));
    await second.abandon();
    expect(rows(file).map((row) => row.delivery_id)).toEqual(['2-a']);
  });

  it('refuses a queue file written by a newer version, saying what to do', () => {
    const file = freshFile();
    void createSqliteQueue({ file }).abandon();
    const db = new DatabaseSync(file);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => createSqliteQueue({ file })).toThrow(/newer review-router.*To resolve/);
  });

  it('names DATA_DIR when its folder is a file', () => {
    const parent = mkdtempSync(join(tmpdir(), 'rr-queue-open-'));
    const notADirectory = join(parent, 'data');
    writeFileSync(notADirectory, '');
    onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
    const open = () => createSqliteQueue({ file: join(notADirectory, 'queue.sqlite') });
    expect(open).toThrow(ConfigError);
    expect(open).toThrow(
      /^cannot open the queue database .*: EEXIST.*To resolve, make sure DATA_DIR is a writable directory\.$/,
    );
  });
});
