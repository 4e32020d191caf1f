/**
 * The one contract every JobQueue keeps, run by each queue's own test. `create`
 * builds a queue from the hooks; queues created with the same `hooks.storage` share storage, as a
 * restarted process or a second replica would. Every queue is durable. The suite stops every
 * queue it created. Failed attempts are in job-queue.failures.contract.ts; stopping, restarts,
 * crashes and replicas in job-queue.durability.contract.ts.
 */
import { describe, expect, it } from 'vitest';
import { describeJobQueueDelays } from './job-queue.delay.contract.js';
import { describeJobQueueDurability } from './job-queue.durability.contract.js';
import { describeJobQueueFailures } from './job-queue.failures.contract.js';
import { type JobQueueFeatures, type JobQueueHooks, useJobQueues } from './test-job-queue-setup.js';
import { deferred, pause, reviewJob } from './test-review-job.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { DurableJobQueue } from './types.js';

export type { JobQueueFeatures, JobQueueHooks } from './test-job-queue-setup.js';

/**
 * Starts `queue`, enqueues a push of `head` to pull request 1 and holds it running until
 * `release`; `ran` names every job the queue ran, as `name` says.
 */
const holdPush = async (
  queue: DurableJobQueue,
  head: string,
  name: (job: ReviewJob) => string,
): Promise<{ signal: AbortSignal; ran: string[]; release: () => void }> => {
  const started = deferred<AbortSignal>();
  const proceed = deferred();
  const ran: string[] = [];
  queue.start(async (job, signal) => {
    ran.push(name(job));
    if (job.trigger !== 'synchronize' || job.batchPoll !== undefined || job.headSha !== head)
      return;
    started.resolve(signal);
    await proceed.promise;
  });
  await queue.enqueue(reviewJob(1, head));
  return { signal: await started.promise, ran, release: () => proceed.resolve() };
};

export const describeJobQueueContract = (
  name: string,
  create: (hooks: JobQueueHooks) => Promise<DurableJobQueue>,
  features: JobQueueFeatures,
): void => {
  describe(`${name} (JobQueue contract)`, () => {
    const { setup, track } = useJobQueues(create);

    it('runs every job it is given', async () => {
      const queue = await setup().open();
      const ran: string[] = [];
      queue.start((job) => Promise.resolve(void ran.push(job.deliveryId)));
      for (const pr of [1, 2, 3]) await queue.enqueue(reviewJob(pr, 'a'));
      await queue.idle();
      expect(ran.sort()).toEqual(['1-a', '2-a', '3-a']);
    });

    it('never runs two jobs of one pull request at once, and runs each of them once', async () => {
      const queue = await setup().open();
      const { ran, mostAtOnceForOnePr } = track([queue]);
      const ids: string[] = [];
      for (let pr = 1; pr <= 8; pr += 1)
        for (let delivery = 0; delivery < 3; delivery += 1) {
          ids.push(`${pr}-${delivery}`);
          await queue.enqueue(reviewJob(pr, 'same-head', `${pr}-${delivery}`));
        }
      await queue.idle();
      expect(mostAtOnceForOnePr()).toBe(1);
      expect(ran.sort()).toEqual(ids.sort());
    });

    it('reviews different pull requests at the same time', async () => {
      const queue = await setup().open();
      const bothRunning = deferred<boolean>();
      let running = 0;
      queue.start(async () => {
        running += 1;
        if (running === 2) bothRunning.resolve(true);
        await bothRunning.promise;
      });
      const giveUp = setTimeout(() => bothRunning.resolve(false), 3_000);
      await queue.enqueue(reviewJob(1, 'a'));
      await queue.enqueue(reviewJob(2, 'a'));
      expect(await bothRunning.promise).toBe(true);
      clearTimeout(giveUp);
      await queue.idle();
    });

    it('drops a queued job when a newer head SHA arrives and aborts the running one', async () => {
      const queue = await setup().open();
      const started = deferred();
      const proceed = deferred();
      const seen: string[] = [];
      const aborted: string[] = [];
      queue.start(async (job, signal) => {
        seen.push(job.headSha);
        if (job.headSha !== 'a') return;
        started.resolve();
        await proceed.promise;
        if (signal.aborted) aborted.push(job.headSha);
      });
      await queue.enqueue(reviewJob(1, 'a'));
      await started.promise;
      await queue.enqueue(reviewJob(1, 'b'));
      await queue.enqueue(reviewJob(1, 'c'));
      proceed.resolve();
      await queue.idle();
      expect(seen).toEqual(['a', 'c']);
      expect(aborted).toEqual(['a']);
    });

    it('keeps a command and a feedback job through a newer push, and a command stops no push', async () => {
      const queue = await setup().open();
      const { signal, ran, release } = await holdPush(
        queue,
        'a',
        (job) => `${job.trigger}:${job.headSha}`,
      );
      // A comment read with the head of before the push that is being reviewed.
      await queue.enqueue({ ...reviewJob(1, 'x', 'command-1'), trigger: 'command' });
      await pause(50);
      const abortedByCommand = signal.aborted;
      await queue.enqueue({ ...reviewJob(1, 'a', 'reopen-1'), trigger: 'feedback' });
      await queue.enqueue(reviewJob(1, 'b'));
      release();
      await queue.idle();
      expect(abortedByCommand).toBe(false);
      expect(signal.aborted).toBe(true);
      expect(ran.sort()).toEqual(['command:x', 'feedback:a', 'synchronize:a', 'synchronize:b']);
    });

    it('lets a late label or re-run of an older head stop nothing: only a push announces a head', async () => {
      const queue = await setup().open();
      const { signal, ran, release } = await holdPush(
        queue,
        'b',
        (job) => `${job.trigger}:${job.headSha}`,
      );
      // Sent before the push to b, delivered after it.
      await queue.enqueue({ ...reviewJob(1, 'a', 'label-1'), trigger: 'labeled', label: 'bug' });
      await queue.enqueue({ ...reviewJob(1, 'a', 'rerun-1'), trigger: 'rerequested' });
      await pause(50);
      const aborted = signal.aborted;
      release();
      await queue.idle();
      expect(aborted).toBe(false);
      expect(ran.sort()).toEqual(['labeled:a', 'rerequested:a', 'synchronize:b']);
    });

    it("lets a batch poll, which carries its submitting job's trigger, stop no push", async () => {
      const queue = await setup().open();
      const { signal, ran, release } = await holdPush(
        queue,
        'b',
        (job) => `${job.batchPoll === undefined ? 'push' : 'poll'}:${job.headSha}`,
      );
      const poll = { pendingId: 'pending-1', poll: 1 };
      await queue.enqueue({ ...reviewJob(1, 'a', 'poll-1'), trigger: 'opened', batchPoll: poll });
      await pause(50);
      const abortedByPoll = signal.aborted;
      await queue.enqueue(reviewJob(1, 'c'));
      release();
      await queue.idle();
      expect(abortedByPoll).toBe(false);
      expect(signal.aborted).toBe(true);
      // The poll of head a stopped nothing; the push of c stopped b, and the poll before it.
      expect(ran.sort()).toEqual(['push:b', 'push:c']);
    });

    it('runs a delivery once however often it is enqueued, before or after it ran', async () => {
      const queue = await setup().open();
      const ran: string[] = [];
      queue.start((job) => Promise.resolve(void ran.push(job.deliveryId)));
      await queue.enqueue(reviewJob(1, 'a', 'delivery-1'));
      await queue.enqueue(reviewJob(1, 'a', 'delivery-1'));
      await queue.idle();
      await queue.enqueue(reviewJob(1, 'a', 'delivery-1'));
      await queue.idle();
      expect(ran).toEqual(['delivery-1']);
    });

    it('reviews different pull requests side by side, never more than its concurrency', async () => {
      const queue = await setup({ concurrency: 2 }).open();
      let active = 0;
      let mostAtOnce = 0;
      queue.start(async () => {
        active += 1;
        mostAtOnce = Math.max(mostAtOnce, active);
        await pause(20);
        active -= 1;
      });
      for (const pr of [1, 2, 3]) await queue.enqueue(reviewJob(pr, 'a'));
      await queue.idle();
      expect(mostAtOnce).toBe(2);
    });

    it('counts queued jobs as its depth before a handler starts, and none once they ran', async () => {
      const queue = await setup().open();
      await queue.enqueue(reviewJob(1, 'a'));
      await queue.enqueue(reviewJob(2, 'a'));
      expect(await queue.depth()).toBe(2);
      queue.start(() => Promise.resolve());
      await queue.idle();
      expect(await queue.depth()).toBe(0);
    });

    describeJobQueueFailures(setup);
    describeJobQueueDurability(setup, track, features);
    describeJobQueueDelays(setup);
  });
};
