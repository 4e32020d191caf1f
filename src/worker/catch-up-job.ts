import type { ReviewJob } from '../domain/review-job.js';

/** `:head-<sha>` at the end of a delivery id: a job queued for a head other than its webhook's. */
const HEAD_SUFFIX = /:head-[0-9a-f]+$/;

/**
 * The job for a pull request's current head, queued by a job that came for an older head.
 * GitHub does not promise to deliver webhooks in order: a `labeled` event sent before a push can
 * arrive after it, and the queue takes the last job to arrive as the newest, so the push's own
 * job is superseded and the current head would get no review. The delivery id is the webhook's
 * with the head appended, so a retry of the stale job queues it once; when the push's own job
 * runs as well, whichever comes second finds the head's review claimed and does nothing.
 */
export const catchUpJob = (job: ReviewJob, headSha: string): ReviewJob => ({
  deliveryId: `${job.deliveryId.replace(HEAD_SUFFIX, '')}:head-${headSha}`,
  installationId: job.installationId,
  owner: job.owner,
  repo: job.repo,
  pr: job.pr,
  headSha,
  trigger: job.trigger,
  forcedTier: job.forcedTier,
  receivedAt: job.receivedAt,
});
