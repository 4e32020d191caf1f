/**
 * `npm run bench:queue`: how fast each queue takes and hands out jobs when a backlog builds up,
 * the embedded SQLite queue next to BullMQ on Redis (`REDIS_URL`, 127.0.0.1 only), in the same run.
 *
 * For each size (`--jobs`, default 10,000 and 100,000) and each queue, on fresh storage: enqueue
 * that many jobs (each its own delivery and pull request, `--in-flight` enqueues at a time, as
 * concurrent webhooks would), then start a handler that does nothing and time the drain until
 * the queue is idle. A job does no work, so this measures the queue, not reviews. For the
 * embedded queue the WAL file's size is sampled every 500 jobs and its peak printed. The last
 * column is the drain rate of the embedded queue over BullMQ's.
 *
 *   npm run bench:queue -- [--jobs 10000,100000] [--concurrency 2] [--in-flight 32]
 *                          [--queues embedded,bullmq]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { RedisConnection } from 'bullmq';
import { createBullmqQueue } from '../src/queue/bullmq/bullmq-queue.js';
import { connectIORedis } from '../src/queue/bullmq/connect-ioredis.js';
import { createSqliteQueue } from '../src/queue/sqlite/sqlite-queue.js';
import { reviewJob } from '../src/queue/test-review-job.js';
import type { JobQueue } from '../src/queue/types.js';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '10000,100000' },
    concurrency: { type: 'string', default: '2' },
    'in-flight': { type: 'string', default: '32' },
    queues: { type: 'string', default: 'embedded,bullmq' },
  },
});
const sizes = values.jobs.split(',').map(Number);
const concurrency = Number(values.concurrency);
const inFlight = Math.max(1, Number(values['in-flight']));
const redisUrl = process.env.REDIS_URL ?? '';
const kinds = values.queues.split(',').filter((kind) => kind !== 'bullmq' || redisUrl !== '');
if (redisUrl && !/^redis:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(redisUrl))
  throw new Error(
    'bench:queue runs against a local Redis only: set REDIS_URL=redis://127.0.0.1:6379',
  );

interface Opened {
  readonly queue: JobQueue;
  /** Bytes of the WAL file now, or null for a queue without one. */
  readonly walBytes: () => number | null;
  readonly dispose: () => Promise<void>;
}

const fileSize = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

const openEmbedded = (): Opened => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
  const file = join(dir, 'queue.sqlite');
  const queue = createSqliteQueue({ file, concurrency });
  return {
    queue,
    walBytes: () => fileSize(`${file}-wal`),
    dispose: async () => {
      await queue.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Deletes every key under `prefix`: a run leaves nothing behind in Redis. */
const removeKeys = async (prefix: string): Promise<void> => {
  const redis = await connectIORedis(redisUrl);
  const connection = new RedisConnection(redis.connection, { shared: true });
  const client = await connection.client;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, { MATCH: `${prefix}*`, COUNT: 1000 });
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await connection.close();
  await redis.close();
};

const openBullmq = async (): Promise<Opened> => {
  const prefix = `rr-bench-${randomUUID().slice(0, 8)}`;
  const queue = await createBullmqQueue({ connection: redisUrl, prefix, concurrency });
  return {
    queue,
    walBytes: () => null,
    dispose: async () => {
      await queue.stop();
      await removeKeys(prefix);
    },
  };
};

interface Result {
  readonly enqueuePerSecond: number;
  readonly drainPerSecond: number;
  readonly peakWalBytes: number | null;
}

const measure = async (opened: Opened, jobs: number): Promise<Result> => {
  const { queue, walBytes } = opened;
  let peakWal: number | null = walBytes();
  const sample = (): void => {
    const bytes = walBytes();
    if (bytes !== null) peakWal = Math.max(peakWal ?? 0, bytes);
  };
  const run = randomUUID().slice(0, 8);
  let next = 0;
  const started = performance.now();
  const sender = async (): Promise<void> => {
    while (next < jobs) {
      const index = next++;
      await queue.enqueue(reviewJob(index + 1, 'head', `${run}-${index}`));
      if (index % 500 === 0) sample();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, jobs) }, sender));
  const enqueueSeconds = (performance.now() - started) / 1_000;
  sample();
  let handled = 0;
  const drainStarted = performance.now();
  queue.start(() => {
    handled += 1;
    if (handled % 500 === 0) sample();
    return Promise.resolve();
  });
  await queue.idle();
  const drainSeconds = (performance.now() - drainStarted) / 1_000;
  sample();
  if (handled !== jobs) throw new Error(`the queue ran ${handled} of ${jobs} jobs`);
  return {
    enqueuePerSecond: jobs / enqueueSeconds,
    drainPerSecond: jobs / drainSeconds,
    peakWalBytes: peakWal,
  };
};

const perSecond = (rate: number): string => `${Math.round(rate).toLocaleString('en')}/s`;
const megabytes = (bytes: number | null): string =>
  bytes === null ? '-' : `${(bytes / 1_048_576).toFixed(1)} MB`;

console.log(
  `bench:queue, Node ${process.version}, concurrency ${concurrency}, ${inFlight} enqueues in flight${redisUrl ? '' : ' (REDIS_URL unset: no BullMQ)'}`,
);
console.log('| jobs | queue | enqueue | drain | peak WAL | drain, embedded/BullMQ |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: |');
for (const jobs of sizes) {
  const drains = new Map<string, number>();
  for (const kind of kinds) {
    const opened = kind === 'bullmq' ? await openBullmq() : openEmbedded();
    try {
      const result = await measure(opened, jobs);
      drains.set(kind, result.drainPerSecond);
      const embedded = drains.get('embedded');
      const bullmq = drains.get('bullmq');
      const ratio =
        embedded !== undefined && bullmq !== undefined ? `${(embedded / bullmq).toFixed(2)}x` : '';
      console.log(
        `| ${jobs.toLocaleString('en')} | ${kind} | ${perSecond(result.enqueuePerSecond)} | ${perSecond(result.drainPerSecond)} | ${megabytes(result.peakWalBytes)} | ${ratio} |`,
      );
    } finally {
      await opened.dispose();
    }
  }
}
