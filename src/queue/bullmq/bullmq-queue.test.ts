import { randomUUID } from 'node:crypto';
import { RedisConnection } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullmqQueue, jobIdFor } from './bullmq-queue.js';
import { connectIORedis, redactRedisUrl } from './connect-ioredis.js';
import { describeJobQueueContract } from '../job-queue.contract.js';
import { reviewJob, whenAborted } from '../test-review-job.js';
import type { DeadLetterHandler } from '../types.js';

const url = process.env.REDIS_URL ?? '';
const connect = connectIORedis;
/** One prefix per run, so runs never see each other's keys; removed after the run. */
const runPrefix = `rr-test-${randomUUID().slice(0, 8)}`;
const FAST = { lockMs: 400, pollMs: 20, contentionDelayMs: 20, connect };

const removeKeys = async (prefix: string): Promise<void> => {
  const redis = await connect(url);
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

describe('jobIdFor', () => {
  it('turns a delivery id into a BullMQ job id without colons', () => {
    expect(jobIdFor('72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBe(
      'delivery-72d3162e-cc78-11e3-81ab-4c9367dc0958',
    );
    expect(jobIdFor('a:b')).toBe('delivery-a_b');
  });
});

describe('redactRedisUrl', () => {
  it('hides the password of a Redis URL', () => {
    expect(redactRedisUrl('redis://user:s3cret@cache.internal:6379/0')).toBe(
      'redis://user:***@cache.internal:6379/0',
    );
  });
});

describe.skipIf(!url)('bullmq queue (set REDIS_URL to run against Redis)', () => {
  afterAll(() => removeKeys(runPrefix));

  describeJobQueueContract(
    'bullmq queue',
    (hooks) =>
      createBullmqQueue({
        ...hooks,
        ...FAST,
        connection: url,
        prefix: `${runPrefix}-${hooks.storage}`,
      }),
    { replicas: true },
  );

  const open = (
    storage: string,
    more: { maxAttempts?: number; onDeadLetter?: DeadLetterHandler } = {},
  ) => createBullmqQueue({ ...FAST, ...more, connection: url, prefix: `${runPrefix}-${storage}` });

  it('counts waiting jobs as its depth until a worker starts', async () => {
    const queue = await open('depth');
    await queue.enqueue(reviewJob(1, 'a'));
    await queue.enqueue(reviewJob(2, 'a'));
    expect(await queue.depth()).toBe(2);
    queue.start(() => Promise.resolve());
    await queue.idle();
    expect(await queue.depth()).toBe(0);
    await queue.stop();
  });

  it('dead-letters a job whose replica died under it maxAttempts times, without running it again', async () => {
    const deadLetters: string[] = [];
    let buried!: () => void;
    const deadLettered = new Promise<void>((resolve) => (buried = resolve));
    const onDeadLetter = (_job: unknown, error: unknown) => {
      deadLetters.push(String(error));
      buried();
      return Promise.resolve();
    };
    const crashing = await open('stalls', { maxAttempts: 1, onDeadLetter });
    const taken = new Promise<void>((resolve) =>
      crashing.start(async (_job, signal) => {
        resolve();
        await whenAborted(signal);
      }),
    );
    await crashing.enqueue(reviewJob(1, 'a'));
    await taken;
    await crashing.abandon();
    const survivor = await open('stalls', { maxAttempts: 1, onDeadLetter });
    let runs = 0;
    survivor.start(() => Promise.resolve(void (runs += 1)));
    await deadLettered;
    await survivor.idle();
    await survivor.stop();
    expect(runs).toBe(0);
    expect(deadLetters).toEqual([expect.stringContaining('stopped before it finished, 1 times')]);
  });

  it('fails at start-up naming the Redis URL without its password when Redis does not answer', async () => {
    await expect(
      createBullmqQueue({ connection: 'redis://:hunter2@127.0.0.1:1', connectTimeoutMs: 300 }),
    ).rejects.toThrow(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1.*To resolve/);
  });

  it('offers the embedded queue in that message only to a role that can run on it', async () => {
    const failure = (required: boolean) =>
      createBullmqQueue({
        connection: 'redis://127.0.0.1:1',
        connectTimeoutMs: 300,
        required,
      }).then(
        () => '',
        (error: unknown) => String(error),
      );
    expect(await failure(false)).toContain('or unset REDIS_URL to use the embedded queue');
    expect(await failure(true)).not.toContain('unset REDIS_URL');
  });
});
