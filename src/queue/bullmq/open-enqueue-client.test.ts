import { randomUUID } from 'node:crypto';
import { Queue, type RedisClient } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { connectIORedis } from './connect-ioredis.js';
import { openEnqueueClient } from './open-enqueue-client.js';

const url = process.env.REDIS_URL ?? '';

const scriptNames = (client: RedisClient): string[] =>
  Object.keys((client as unknown as { scriptsSet: object }).scriptsSet).sort();

describe('openEnqueueClient', () => {
  it('says null for a driver that does not list its scripts', () => {
    expect(openEnqueueClient({} as RedisClient)).toBeNull();
  });

  it.skipIf(!url)('keeps only BullMQ add scripts on a connection of its own', async () => {
    const redis = await connectIORedis(url);
    const queue = new Queue('reviews', {
      connection: redis.connection,
      prefix: `rr-test-enqueue-client-${randomUUID().slice(0, 8)}`,
    });
    try {
      const client = await queue.getBackend().client;
      const enqueueClient = openEnqueueClient(client);
      try {
        expect(enqueueClient).not.toBe(client);
        expect(scriptNames(client).length).toBeGreaterThan(20);
        expect(scriptNames(enqueueClient!).map((name) => name.split(':')[0])).toEqual([
          'addDelayedJob',
          'addPrioritizedJob',
          'addStandardJob',
        ]);
      } finally {
        enqueueClient?.disconnect();
      }
    } finally {
      await queue.close();
      await redis.close();
    }
  });
});
