import type { ReviewJob } from '../domain/review-job.js';
import { settleFeedback } from '../feedback/settle-feedback.js';
import { handleCommand } from './handle-command.js';
import { processReviewJob } from './process-review-job.js';
import type { WorkerDeps } from './types.js';

/**
 * What the queue runs for each job: a command in a comment goes to its own handler (which runs
 * the review pipeline for `/review`); a pull request that closed or reopened has its findings'
 * feedback settled; any other pull request event goes straight to the pipeline.
 */
export const runJob = (job: ReviewJob, deps: WorkerDeps, signal: AbortSignal): Promise<void> =>
  job.trigger === 'feedback'
    ? settleFeedback(job, deps)
    : job.command !== undefined
      ? handleCommand(job, deps, (review) => processReviewJob(review, deps, signal))
      : processReviewJob(job, deps, signal);
