import { randomUUID } from 'node:crypto';
import { Queue, RedisConnection } from 'bullmq';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createBullmqQueue } from './bullmq-queue.js';
import { connectIORedis, type ConnectRedis } from './connect-ioredis.js';
import { createRedisPrCoordinator } from './redis-pr-coordinator.js';
import { reviewJob } from '../test-review-job.js';
import { prKey } from '../pr-key.js';

const url = process.env.REDIS_URL ?? '';
const runPrefix = `rr-test-add-${randomUUID().slice(0, 8)}`;

interface Writable {
  write(chunk: unknown): boolean;
}

interface CountedClient {
  stream?: Writable;
  duplicate(...args: unknown[]): CountedClient;
}

/** ioredis, with its client and the connections duplicated from it kept, so a test can count the writes to their sockets. */
const connectCounting = () => {
  const clients: CountedClient[] = [];
  const connect: ConnectRedis = async (target) => {
    const redis = await connectIORedis(target);
    const client = redis.connection as CountedClient;
    const duplicate = client.duplicate.bind(client);
    client.duplicate = (...args) => {
      const copy = duplicate(...args);
      clients.push(copy);
      return copy;
    };
    clients.push(client);
    return redis;
  };
  return { connect, sockets: () => clients.map((client) => client.stream!) };
};

const withClient = async <T>(work: (client: Awaited<RedisConnection['client']>) => Promise<T>) => {
  const redis = await connectIORedis(url);
  const connection = new RedisConnection(redis.connection, { shared: true });
  try {
    return await work(await connection.client);
  } finally {
    await connection.close();
    await redis.close();
  }
};

describe.skipIf(!url)('enqueueing on BullMQ (set REDIS_URL to run against Redis)', () => {
  afterAll(() =>
    withClient(async (client) => {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, { MATCH: `${runPrefix}*`, COUNT: 1000 });
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }),
  );

  it('stores the job and records its push in one write to Redis', async () => {
    const { connect, sockets } = connectCounting();
    const queue = await createBullmqQueue({ connection: url, prefix: `${runPrefix}-one`, connect });
    // The first use of a script on a connection sends its source; count an ordinary enqueue.
    await queue.enqueue(reviewJob(1, 'a'));
    // On every connection of the queue's: the enqueue has one of its own.
    const spies = sockets().map((socket) => vi.spyOn(socket, 'write'));
    await queue.enqueue(reviewJob(2, 'a'));
    const writes = vi.fn();
    for (const spy of spies) for (const call of spy.mock.calls) writes(...call);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await queue.depth()).toBe(2);
    await queue.stop();
  });

  it('records no sequence number and no newest push for a job that was not stored', async () => {
    await withClient(async (client) => {
      const coordinator = createRedisPrCoordinator(client, `${runPrefix}-missing:reviews`);
      const job = reviewJob(3, 'b');
      const transaction = client.multi();
      coordinator.queueEnqueue(transaction, {
        jobKey: `${runPrefix}-missing:reviews:no-such-job`,
        deliveryId: job.deliveryId,
        key: prKey(job),
        headSha: job.headSha,
        announcesHead: true,
      });
      const results = await transaction.exec();
      expect(String(results?.[0]?.[0])).toMatch(/the job was not stored/);
      expect(await coordinator.sequenceOf(job.deliveryId)).toBeNull();
      expect(await coordinator.latest(prKey(job))).toBeNull();
    });
  });

  it('orders a job stored by an earlier version by the sequence number in its data', async () => {
    const prefix = `${runPrefix}-legacy`;
    const older = reviewJob(4, 'old');
    await withClient(async (client) => {
      const bull = new Queue('reviews', { connection: client, prefix });
      // Earlier versions kept the number in the job's data; this one is newer than any given yet.
      await bull.add(
        'review',
        { job: older, seq: 1_000 },
        { jobId: `delivery-${older.deliveryId}` },
      );
      await bull.close();
    });
    const queue = await createBullmqQueue({ connection: url, prefix, connect: connectIORedis });
    await queue.enqueue(reviewJob(4, 'new'));
    const ran: string[] = [];
    queue.start((job) => Promise.resolve(void ran.push(job.headSha)));
    await queue.idle();
    await queue.stop();
    // Read as the oldest (no number of its own in Redis), the stored job would be superseded.
    expect(ran.sort()).toEqual(['new', 'old']);
  });
});
