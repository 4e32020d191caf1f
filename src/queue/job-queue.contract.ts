/**
 * The one contract every JobQueue keeps, run by each queue's own test. `create`
 * builds a queue from the hooks; queues created with the same `hooks.storage` share storage, as a
 * restarted process or a second replica would. Every queue is durable. The suite stops every
 * queue it created.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Log } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import { deferred, pause, reviewJob, whenAborted } from './test-review-job.js';
import type { DeadLetterHandler, DurableJobQueue, JobQueue, RetryOptions } from './types.js';

export interface JobQueueHooks {
  /** Names the storage of one test: same value, same jobs. */
  readonly storage: string;
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly backoffMs: (attempt: number) => number;
  readonly onDeadLetter: DeadLetterHandler;
  readonly onError: NonNullable<RetryOptions['onError']>;
  readonly stopTimeoutMs: number;
}

export interface JobQueueFeatures {
  /** Several queues over one storage share the work, as replicas. */
  readonly replicas: boolean;
}

export const describeJobQueueContract = (
  name: string,
  create: (hooks: JobQueueHooks) => Promise<DurableJobQueue>,
  features: JobQueueFeatures,
): void => {
  describe(`${name} (JobQueue contract)`, () => {
    let opened: DurableJobQueue[] = [];
    afterEach(async () => {
      await Promise.all(opened.map((queue) => queue.stop()));
      opened = [];
    });

    const setup = (overrides: Partial<JobQueueHooks> = {}) => {
      const deadLetters: Array<{ job: ReviewJob; error: unknown }> = [];
      const backoffCalls: number[] = [];
      const failedAttempts: number[] = [];
      const hooks: JobQueueHooks = {
        storage: `t${randomUUID().slice(0, 8)}`,
        concurrency: 4,
        maxAttempts: 3,
        backoffMs: (attempt) => {
          backoffCalls.push(attempt);
          return 5;
        },
        onDeadLetter: (job, error) => {
          deadLetters.push({ job, error });
          return Promise.resolve();
        },
        onError: (_job, _error, attempt) => void failedAttempts.push(attempt),
        stopTimeoutMs: 5_000,
        ...overrides,
      };
      const open = async (): Promise<DurableJobQueue> => {
        const queue = await create(hooks);
        opened.push(queue);
        return queue;
      };
      return { open, deadLetters, backoffCalls, failedAttempts };
    };

    /** Starts `queues` with one handler that counts, per pull request, how many run at once. */
    const track = (queues: JobQueue[]) => {
      const active = new Map<number, number>();
      const ran: string[] = [];
      let mostAtOnce = 0;
      for (const queue of queues)
        queue.start(async (job) => {
          const now = (active.get(job.pr) ?? 0) + 1;
          active.set(job.pr, now);
          mostAtOnce = Math.max(mostAtOnce, now);
          await pause(1 + (job.deliveryId.length % 3));
          ran.push(job.deliveryId);
          active.set(job.pr, now - 1);
        });
      return { ran, mostAtOnceForOnePr: () => mostAtOnce };
    };

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

    it('retries a throwing handler with backoff, then dead-letters the job once with the error', async () => {
      const { open, deadLetters, backoffCalls } = setup({ maxAttempts: 3 });
      const queue = await open();
      const failure = new Error('GitHub answered 502');
      let calls = 0;
      queue.start(() => {
        calls += 1;
        return Promise.reject(failure);
      });
      await queue.enqueue(reviewJob(1, 'a'));
      await queue.idle();
      expect(calls).toBe(3);
      expect(backoffCalls).toEqual([1, 2]);
      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0]?.job.deliveryId).toBe('1-a');
      expect(deadLetters[0]?.error).toBe(failure);
    });

    it('dead-letters through the onDeadLetter and the log given to start()', async () => {
      const { open, deadLetters } = setup({ maxAttempts: 1 });
      const queue = await open();
      const reported: string[] = [];
      const logged: string[] = [];
      const log: Log = {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: (_metadata, message) => void logged.push(message),
        child: () => log,
      };
      queue.start(() => Promise.reject(new Error('GitHub answered 502')), {
        onDeadLetter: (job) => Promise.resolve(void reported.push(job.deliveryId)),
        log,
      });
      await queue.enqueue(reviewJob(1, 'a'));
      await queue.idle();
      expect(reported).toEqual(['1-a']);
      expect(deadLetters).toEqual([]);
      expect(logged).toContain('review job dead-lettered');
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

    it('tells onError of every failed attempt, the last one included', async () => {
      const { open, failedAttempts } = setup({ maxAttempts: 3 });
      const queue = await open();
      queue.start(() => Promise.reject(new Error('GitHub 502')));
      await queue.enqueue(reviewJob(1, 'a'));
      await queue.idle();
      expect(failedAttempts).toEqual([1, 2, 3]);
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

    it('does not dead-letter a job that succeeds on a retry', async () => {
      const { open, deadLetters } = setup();
      const queue = await open();
      let calls = 0;
      queue.start(() => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('flaky')) : Promise.resolve();
      });
      await queue.enqueue(reviewJob(1, 'a'));
      await queue.idle();
      expect(calls).toBe(2);
      expect(deadLetters).toEqual([]);
    });

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
  });
};
