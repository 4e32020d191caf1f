/** What the worker needs for batch reviews: the providers' batch APIs and the queue's delayed jobs. */
import type { ProviderId } from '../domain/policy.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { BatchProvider } from '../providers/batch-types.js';

export interface BatchDeps {
  /** The batch API of each provider with an API key configured. */
  readonly providers: Partial<Record<ProviderId, BatchProvider>>;
  /** Queues a job to run after a delay (the queue stores it): the next poll of a waiting batch. */
  readonly schedule: (job: ReviewJob, delayMs: number) => Promise<void>;
  /** How long to wait before poll `poll` (1-based): a backoff, since batches take minutes to hours. */
  readonly pollDelayMs: (poll: number) => number;
}

/** A batch has at most 24 hours; its reservation outlasts that, so a waiting review keeps its budget. */
export const BATCH_RESERVATION_TTL_MS = 26 * 60 * 60_000;

/** The job that asks about a waiting batch for the `poll`th time: its own delivery id, same head. */
export const pollJob = (job: ReviewJob, pendingId: string, poll: number): ReviewJob => ({
  deliveryId: `${pendingId}:batch-poll-${poll}`,
  installationId: job.installationId,
  owner: job.owner,
  repo: job.repo,
  pr: job.pr,
  headSha: job.headSha,
  trigger: job.trigger,
  forcedTier: null,
  receivedAt: job.receivedAt,
  batchPoll: { pendingId, poll },
});

/**
 * A poll queued under `headSha`, the pull request's current head, rather than the batch's own (a
 * canceled batch of an older head, a poll queued again after one failed): the queue drops jobs
 * for an older head. Its delivery id names the head, so it is never taken for a poll of the same
 * number queued before.
 */
export const pollJobUnder = (
  headSha: string,
  job: ReviewJob,
  pendingId: string,
  poll: number,
): ReviewJob => ({
  ...pollJob({ ...job, headSha }, pendingId, poll),
  deliveryId: `${pendingId}:batch-poll-${poll}:head-${headSha}`,
});
