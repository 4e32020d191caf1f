/**
 * Intake's hold on the queue: a job the queue has not taken within a few seconds fails its
 * webhook. GitHub's webhook middleware answers 202 ("still processing") to a handler still
 * waiting after 9 s, and a Redis client that holds commands while it reconnects would keep the
 * job only in this process's memory: one restart, and a delivery GitHub counts as delivered is
 * lost. Failing first makes GitHub show a failed delivery, which can be redelivered; a job the
 * queue takes later after all is the same delivery, and its redelivery is not reviewed twice.
 */
import { settleWithin } from '../queue/settle-within.js';
import type { JobQueue } from '../queue/types.js';

/** Under the middleware's 9 s, with room for the rest of the handler. */
export const ENQUEUE_TIMEOUT_MS = 5_000;

export class EnqueueTimeout extends Error {
  override readonly name = 'EnqueueTimeout';
}

export const enqueueWithin = (
  queue: Pick<JobQueue, 'enqueue'>,
  timeoutMs: number = ENQUEUE_TIMEOUT_MS,
): Pick<JobQueue, 'enqueue'> => ({
  async enqueue(job, options) {
    const taking = queue.enqueue(job, options);
    if (!(await settleWithin(taking, timeoutMs)))
      throw new EnqueueTimeout(
        `the queue did not take the job within ${timeoutMs} ms (is Redis or the database reachable?): the delivery failed, and can be redelivered`,
      );
    return taking;
  },
});
