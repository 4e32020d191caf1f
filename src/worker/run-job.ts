import type { ReviewJob } from '../domain/review-job.js';
import { handleCommand } from './handle-command.js';
import { processReviewJob } from './process-review-job.js';
import type { WorkerDeps } from './types.js';

/**
 * What the queue runs for each job: a command in a comment goes to its own handler (which runs
 * the review pipeline for `/review`); a pull request event goes straight to the pipeline.
 */
export const runJob = (job: ReviewJob, deps: WorkerDeps, signal: AbortSignal): Promise<void> =>
  job.command !== undefined
    ? handleCommand(job, deps, (review) => processReviewJob(review, deps, signal))
    : processReviewJob(job, deps, signal);
