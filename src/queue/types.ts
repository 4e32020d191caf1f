/** The queue port. Intake enqueues; the worker handles. Implementations: memory now, durable later. */
import type { ReviewJob } from '../domain/review-job.js';

export type JobHandler = (job: ReviewJob, signal: AbortSignal) => Promise<void>;

export interface JobQueue {
  /** Returns as soon as the job is stored; never waits for the review. */
  enqueue(job: ReviewJob): Promise<void>;
  /** Starts handing jobs to the handler: one job per pull request at a time. */
  start(handler: JobHandler): void;
  /** Jobs waiting, not running. */
  depth(): Promise<number>;
  /** Resolves when nothing is queued or running (tests and graceful shutdown). */
  idle(): Promise<void>;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
}
