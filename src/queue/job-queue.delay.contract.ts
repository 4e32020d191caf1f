/**
 * The delayed part of the JobQueue contract: a job queued with a delay is not taken before it is
 * due, counts as waiting meanwhile, and survives a stop. Adds its cases to the suite of
 * `describeJobQueueContract`, which calls it.
 */
import { describe, expect, it } from 'vitest';
import type { JobQueueSetup } from './test-job-queue-setup.js';
import { deferred, reviewJob } from './test-review-job.js';

export const describeJobQueueDelays = (setup: JobQueueSetup): void => {
  describe('delayed jobs', () => {
    it('takes a delayed job only once its delay has passed, and an undelayed one at once', async () => {
      const queue = await setup().open();
      const ranAt = new Map<string, number>();
      queue.start((job) => Promise.resolve(void ranAt.set(job.deliveryId, Date.now())));
      const queuedAt = Date.now();
      await queue.enqueue(reviewJob(1, 'a', 'later'), { delayMs: 600 });
      await queue.enqueue(reviewJob(2, 'a', 'now'));
      expect(await queue.depth()).toBeGreaterThanOrEqual(1);
      await queue.idle();
      expect((ranAt.get('later') ?? 0) - queuedAt).toBeGreaterThanOrEqual(600);
      expect(ranAt.get('now') ?? Infinity).toBeLessThan(ranAt.get('later') ?? 0);
    });

    it('keeps a delayed job through a stop and runs it from the queue opened again', async () => {
      const { open } = setup();
      const first = await open();
      first.start(() => Promise.reject(new Error('the first queue must not run the delayed job')));
      await first.enqueue(reviewJob(1, 'a', 'poll-1'), { delayMs: 300 });
      await first.stop();
      const second = await open();
      const ran = deferred<string>();
      second.start((job) => Promise.resolve(ran.resolve(job.deliveryId)));
      expect(await ran.promise).toBe('poll-1');
    });
  });
};
