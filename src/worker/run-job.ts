import type { ReviewJob } from '../domain/review-job.js';
import { settleFeedback } from '../feedback/settle-feedback.js';
import { handleCommand } from './handle-command.js';
import { pollBatchReview } from './poll-batch-review.js';
import { processReviewJob } from './process-review-job.js';
import type { WorkerDeps } from './types.js';

/**
 * What the queue runs for each job: a command in a comment goes to its own handler (which runs
 * the review pipeline for `/review`); a poll of a waiting batch review asks its provider; a pull
 * request that closed or reopened has its findings' feedback settled; any other pull request
 * event goes straight to the pipeline.
 */
export const runJob = (job: ReviewJob, deps: WorkerDeps, signal: AbortSignal): Promise<void> => {
  const { batches } = deps;
  if (job.batchPoll !== undefined && batches !== undefined)
    return pollBatchReview(
      job,
      { ...deps, batches },
      {
        reviewNow: (original) => processReviewJob(original, deps, signal, { batch: false }),
        signal,
      },
    );
  if (job.trigger === 'feedback') return settleFeedback(job, deps);
  return job.command !== undefined
    ? // A command asks for a review now: a `mode: batch` rule does not send it to a batch.
      handleCommand(job, deps, (review) => processReviewJob(review, deps, signal, { batch: false }))
    : processReviewJob(job, deps, signal);
};
