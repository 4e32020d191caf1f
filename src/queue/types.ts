/** The queue port. Intake enqueues; the worker handles. Adapters: `sqlite/` (embedded), `bullmq/` (Redis). */
import type { Log } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';

export type JobHandler = (job: ReviewJob, signal: AbortSignal) => Promise<void>;

/** How a job is queued: at once, or after a delay (a batch review polling its provider). */
export interface EnqueueOptions {
  /** Not taken before this many milliseconds have passed; stored, so it survives a restart. */
  readonly delayMs?: number;
}

export interface JobQueue {
  /** Returns as soon as the job is stored; never waits for the review. */
  enqueue(job: ReviewJob, options?: EnqueueOptions): Promise<void>;
  /** Starts handing jobs to the handler: one job per pull request at a time. */
  start(handler: JobHandler, options?: StartOptions): void;
  /** Jobs waiting, not running. */
  depth(): Promise<number>;
  /** Resolves when nothing is queued or running (tests and graceful shutdown). */
  idle(): Promise<void>;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
}

/** Called once for a job that failed its last attempt, so the app can make the failure visible. */
export type DeadLetterHandler = (job: ReviewJob, error: unknown) => Promise<void>;

export interface StartOptions {
  /**
   * Replaces the onDeadLetter the queue was built with: the app passes it here, next to the
   * handler, where it can reach GitHub and the ledger.
   */
  readonly onDeadLetter?: DeadLetterHandler;
  /** Replaces the queue's log, for the same reason: the app's logger exists once it starts. */
  readonly log?: Log;
}

/** What every queue does with a handler that throws: retry with backoff, then dead-letter. */
export interface RetryOptions {
  /** Attempts per job when the handler throws (a retryable failure). */
  readonly maxAttempts?: number;
  /** Delay before attempt `attempt + 1`, given the attempt (1-based) that just failed. */
  readonly backoffMs?: (attempt: number) => number;
  /** After the last attempt: post a failed check run and a ledger row with the error. */
  readonly onDeadLetter?: DeadLetterHandler;
  /** Every failed attempt, the last one included. */
  readonly onError?: (job: ReviewJob, error: unknown, attempt: number) => void;
}

/** A queue whose jobs outlive the process that took them. */
export interface DurableJobQueue extends JobQueue {
  /**
   * Lets go at once, as a killed process would: nothing is finished or released, so a running
   * job comes back only when its lease expires. For crash-recovery tests; shut down with stop().
   */
  abandon(): Promise<void>;
}
