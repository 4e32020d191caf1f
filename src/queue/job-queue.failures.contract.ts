/**
 * The failed-attempt part of the JobQueue contract: retries with backoff, onError, and dead
 * letters. Adds its cases to the suite of `describeJobQueueContract`, which calls it.
 */
import { expect, it } from 'vitest';
import type { Log } from '../domain/log.js';
import type { JobQueueSetup } from './test-job-queue-setup.js';
import { reviewJob } from './test-review-job.js';

export const describeJobQueueFailures = (setup: JobQueueSetup): void => {
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

  it('tells onError of every failed attempt, the last one included', async () => {
    const { open, failedAttempts } = setup({ maxAttempts: 3 });
    const queue = await open();
    queue.start(() => Promise.reject(new Error('GitHub 502')));
    await queue.enqueue(reviewJob(1, 'a'));
    await queue.idle();
    expect(failedAttempts).toEqual([1, 2, 3]);
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
};
