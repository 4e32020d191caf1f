/**
 * One enqueue, one round trip to Redis: BullMQ's add of the job and the script that gives its
 * delivery a sequence number and records the push as its pull request's newest (see
 * redis-pr-coordinator) go in one MULTI, written to the socket at once and run by Redis as one.
 * Three round trips in a row cost a webhook's acknowledgement about three times the wait on Redis
 * (and, on a busy host, three wake-ups of the Redis server); nothing else changes: the job is
 * stored before the acknowledgement, a duplicate delivery keeps its job and its number, and the
 * newest push is recorded only with its job.
 */
import { Job, type Queue, type RedisClient } from 'bullmq';
import type { ReviewJob } from '../../domain/review-job.js';
import { announcesHead, prKey } from '../pr-key.js';
import type { BullmqJobData, BullmqJobResult } from './bullmq-processor.js';
import type { RedisPrCoordinator } from './redis-pr-coordinator.js';

/** BullMQ job ids may not be integers or contain `:`; delivery ids are UUIDs, but be safe. */
export const jobIdFor = (deliveryId: string): string =>
  `delivery-${deliveryId.replaceAll(':', '_')}`;

export interface AddReviewJobDeps {
  readonly queue: Queue<BullmqJobData, BullmqJobResult>;
  /** The queue's own client: BullMQ's scripts are loaded on it. */
  readonly client: RedisClient;
  readonly coordinator: RedisPrCoordinator;
}

const failed = (step: string, error: unknown): Error =>
  new Error(`cannot enqueue the review job (${step}): ${String(error)}`, { cause: error });

/** Stores the job (or finds it stored under its delivery id) and returns its sequence number. */
export const addReviewJob = async (
  deps: AddReviewJobDeps,
  job: ReviewJob,
  delayMs: number,
): Promise<number> => {
  const jobId = jobIdFor(job.deliveryId);
  const bullJob = new Job<BullmqJobData, BullmqJobResult>(
    deps.queue,
    'review',
    { job },
    { ...deps.queue.defaultJobOptions, jobId, ...(delayMs > 0 ? { delay: delayMs } : {}) },
    jobId,
  );
  const transaction = deps.client.multi();
  // Queued on the transaction at once; it settles with the transaction object, not a reply.
  const queued = bullJob.addJob(transaction);
  deps.coordinator.queueEnqueue(transaction, {
    jobKey: deps.queue.toKey(jobId),
    deliveryId: job.deliveryId,
    key: prKey(job),
    headSha: job.headSha,
    announcesHead: announcesHead(job),
  });
  const [results] = await Promise.all([transaction.exec(), queued]);
  if (results === null) throw failed('transaction', 'aborted');
  const [add, sequence] = results;
  if (!add || add[0]) throw failed('add', add?.[0] ?? 'no reply');
  if (typeof add[1] === 'number' && add[1] < 0) throw failed('add', `BullMQ code ${add[1]}`);
  if (!sequence || sequence[0]) throw failed('sequence', sequence?.[0] ?? 'no reply');
  return Number(sequence[1]);
};
