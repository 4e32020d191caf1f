import { describe, expect, it } from 'vitest';
import type { ReviewJob } from '../domain/review-job.js';
import { describeJobQueueContract } from './job-queue.contract.js';
import { createMemoryQueue } from './memory-queue.js';

const job = (pr: number, headSha: string, deliveryId = `${pr}-${headSha}`): ReviewJob => ({
  deliveryId,
  installationId: 1,
  owner: 'acme',
  repo: 'api',
  pr,
  headSha,
  trigger: 'opened',
  forcedTier: null,
  receivedAt: '2026-11-21T00:00:00.000Z',
});

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('memory queue', () => {
  it('runs one job per pull request at a time', async () => {
    const queue = createMemoryQueue({ concurrency: 4 });
    let active = 0;
    let maxActive = 0;
    queue.start(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await tick(10);
      active -= 1;
    });
    await queue.enqueue(job(1, 'a'));
    await queue.enqueue(job(1, 'a', 'redelivery'));
    await queue.idle();
    expect(maxActive).toBe(1);
  });

  it('reviews different pull requests in parallel up to the concurrency', async () => {
    const queue = createMemoryQueue({ concurrency: 2 });
    let maxActive = 0;
    let active = 0;
    queue.start(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await tick(10);
      active -= 1;
    });
    for (const pr of [1, 2, 3]) await queue.enqueue(job(pr, 'a'));
    await queue.idle();
    expect(maxActive).toBe(2);
  });

  it('replaces a queued job when a newer head SHA arrives and aborts the running one', async () => {
    const queue = createMemoryQueue({ concurrency: 1 });
    const seen: string[] = [];
    const aborted: string[] = [];
    queue.start(async (j, signal) => {
      seen.push(j.headSha);
      await tick(20);
      if (signal.aborted) aborted.push(j.headSha);
    });
    await queue.enqueue(job(1, 'a'));
    await tick(2);
    await queue.enqueue(job(1, 'b'));
    await queue.enqueue(job(1, 'c'));
    await queue.idle();
    expect(seen).toEqual(['a', 'c']);
    expect(aborted).toEqual(['a']);
  });

  it('retries a job whose handler throws, up to maxAttempts', async () => {
    const errors: number[] = [];
    const queue = createMemoryQueue({
      maxAttempts: 3,
      backoffMs: () => 1,
      onError: (_j, _e, n) => errors.push(n),
    });
    queue.start(() => Promise.reject(new Error('GitHub 502')));
    await queue.enqueue(job(1, 'a'));
    await queue.idle();
    expect(errors).toEqual([1, 2, 3]);
  });

  it('reports queued jobs as its depth before a handler starts', async () => {
    const queue = createMemoryQueue();
    await queue.enqueue(job(1, 'a'));
    await queue.enqueue(job(2, 'a'));
    expect(await queue.depth()).toBe(2);
    await queue.stop();
    expect(await queue.depth()).toBe(0);
  });
});

describeJobQueueContract(
  'memory queue',
  (hooks) => Promise.resolve(createMemoryQueue({ ...hooks, rememberDeliveries: 1_000 })),
  {
    durable: false,
    replicas: false,
  },
);
