/**
 * The durability part of the JobQueue contract: stop() bounded and clean, jobs that outlive a
 * stop or a crash, and replicas sharing one storage. Adds its cases to the suite of
 * `describeJobQueueContract`, which calls it.
 */
import { describe, expect, it } from 'vitest';
import type { ReviewJob } from '../domain/review-job.js';
import type { JobQueueFeatures, JobQueueSetup, JobQueueTrack } from './test-job-queue-setup.js';
import { deferred, pause, reviewJob, whenAborted } from './test-review-job.js';

export const describeJobQueueDurability = (
  setup: JobQueueSetup,
  track: JobQueueTrack,
  features: JobQueueFeatures,
): void => {
  it('stop() waits for the running job and starts no other', async () => {
    const queue = await setup().open();
    const started = deferred();
    const proceed = deferred();
    const order: string[] = [];
    queue.start(async (job) => {
      order.push(`start ${job.deliveryId}`);
      started.resolve();
      await proceed.promise;
      order.push(`end ${job.deliveryId}`);
    });
    await queue.enqueue(reviewJob(1, 'a', 'first'));
    await queue.enqueue(reviewJob(1, 'a', 'second'));
    await started.promise;
    const stopped = queue.stop().then(() => order.push('stopped'));
    await pause(50);
    expect(order).toEqual(['start first']);
    proceed.resolve();
    await stopped;
    expect(order).toEqual(['start first', 'end first', 'stopped']);
  });

  it('stop() aborts a job still running when its bounded wait is over', async () => {
    const queue = await setup({ stopTimeoutMs: 100 }).open();
    const started = deferred<AbortSignal>();
    queue.start(async (_job, signal) => {
      started.resolve(signal);
      await whenAborted(signal);
    });
    await queue.enqueue(reviewJob(1, 'a'));
    const signal = await started.promise;
    await queue.stop();
    expect(signal.aborted).toBe(true);
  });

  describe('durability', () => {
    it('runs a job queued before a stop once the queue is opened again', async () => {
      const { open } = setup();
      const first = await open();
      await first.enqueue(reviewJob(1, 'a'));
      await first.stop();
      const second = await open();
      const ran = deferred<string>();
      second.start((job) => Promise.resolve(ran.resolve(job.deliveryId)));
      expect(await ran.promise).toBe('1-a');
    });

    it('runs a job again when the queue that took it crashed before finishing', async () => {
      const { open } = setup();
      const first = await open();
      const taken = deferred();
      first.start(async (_job, signal) => {
        taken.resolve();
        await whenAborted(signal);
      });
      await first.enqueue(reviewJob(1, 'a'));
      await taken.promise;
      await first.abandon();
      const second = await open();
      const ran = deferred<string>();
      second.start((job) => Promise.resolve(ran.resolve(job.deliveryId)));
      expect(await ran.promise).toBe('1-a');
    });

    it('runs a job again when stop() handed it back after its bounded wait', async () => {
      const { open } = setup({ stopTimeoutMs: 100 });
      const first = await open();
      const taken = deferred();
      first.start(async (_job, signal) => {
        taken.resolve();
        await whenAborted(signal);
      });
      await first.enqueue(reviewJob(1, 'a'));
      await taken.promise;
      await first.stop();
      const second = await open();
      const ran = deferred<string>();
      second.start((job) => Promise.resolve(ran.resolve(job.deliveryId)));
      expect(await ran.promise).toBe('1-a');
    });
  });

  describe.skipIf(!features.replicas)('replicas', () => {
    it('never runs two jobs of one pull request at once across replicas, and runs every job once', async () => {
      const { open } = setup();
      const replicas = [await open(), await open()];
      const { ran, mostAtOnceForOnePr } = track(replicas);
      const ids: string[] = [];
      for (let pr = 1; pr <= 10; pr += 1)
        for (let delivery = 0; delivery < 4; delivery += 1) {
          const id = `${pr}-${delivery}`;
          ids.push(id);
          await replicas[(pr + delivery) % 2]!.enqueue(reviewJob(pr, 'same-head', id));
        }
      await Promise.all(replicas.map((replica) => replica.idle()));
      expect(mostAtOnceForOnePr()).toBe(1);
      expect(ran.sort()).toEqual(ids.sort());
    });

    it('aborts a job running on one replica when a newer head SHA is enqueued on another', async () => {
      const { open } = setup();
      const [first, second] = [await open(), await open()];
      const started = deferred<AbortSignal>();
      const seen: string[] = [];
      const handler = async (job: ReviewJob, signal: AbortSignal) => {
        seen.push(job.headSha);
        if (job.headSha !== 'a') return;
        started.resolve(signal);
        await whenAborted(signal);
      };
      first.start(handler);
      await first.enqueue(reviewJob(1, 'a'));
      const signal = await started.promise;
      second.start(handler);
      await second.enqueue(reviewJob(1, 'b'));
      await whenAborted(signal);
      await Promise.all([first.idle(), second.idle()]);
      expect(seen).toEqual(['a', 'b']);
    });

    it('finishes on another replica a job whose replica crashed while running it', async () => {
      const { open } = setup();
      const [first, survivor] = [await open(), await open()];
      const taken = deferred();
      first.start(async (_job, signal) => {
        taken.resolve();
        await whenAborted(signal);
      });
      await first.enqueue(reviewJob(1, 'a'));
      await taken.promise;
      const ran = deferred<string>();
      survivor.start((job) => Promise.resolve(ran.resolve(job.deliveryId)));
      await first.abandon();
      expect(await ran.promise).toBe('1-a');
    });
  });
};
