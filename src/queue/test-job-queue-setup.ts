/**
 * Test helper for the JobQueue contract: the hooks a queue is built from, and per-suite setup
 * that opens queues over one storage and stops every queue it opened after each test.
 */
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { ReviewJob } from '../domain/review-job.js';
import { pause } from './test-review-job.js';
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

/**
 * Registers, in the current suite, an afterEach that stops every queue opened, and returns
 * `setup` (hooks over a fresh storage, and what they saw) and `track`.
 */
export const useJobQueues = (create: (hooks: JobQueueHooks) => Promise<DurableJobQueue>) => {
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
  return { setup, track };
};

export type JobQueueSetup = ReturnType<typeof useJobQueues>['setup'];
export type JobQueueTrack = ReturnType<typeof useJobQueues>['track'];
