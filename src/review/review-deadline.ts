/**
 * One total deadline for every model call of a review job (REVIEW_DEADLINE_MS): the SDKs' retries,
 * the repair request, the fallback and the escalation all spend from it, so a struggling provider
 * cannot hold a review (and its claim and budget reservation) for many model timeouts in a row.
 */
import { formatDuration } from '../domain/format-duration.js';
import { ReviewDeadlinePassed } from '../domain/review-deadline-passed.js';

export interface ReviewDeadline {
  /** When it passes, in milliseconds of the worker's clock (`WorkerDeps.now`). */
  readonly at: number;
  /** The whole allowance, for messages ("the review's total deadline (20 min) passed"). */
  readonly totalMs: number;
  /** Aborted with `ReviewDeadlinePassed` when the deadline passes: every model call carries it. */
  readonly signal: AbortSignal;
  remainingMs(): number;
  /** The timer fired, or the clock says it is time: either way no new call may start. */
  passed(): boolean;
  /** Stops the timer once the job is over. */
  clear(): void;
}

export interface ReviewDeadlineOptions {
  readonly totalMs: number;
  /** The worker's clock, so a test can move past the deadline without waiting for it. */
  readonly now?: () => number;
}

export const startReviewDeadline = ({
  totalMs,
  now = Date.now,
}: ReviewDeadlineOptions): ReviewDeadline => {
  const at = now() + totalMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new ReviewDeadlinePassed(totalMs)), totalMs);
  // The job clears it when it ends; unref'd, a job that never does cannot keep the process alive.
  timer.unref();
  const remainingMs = () => Math.max(0, at - now());
  return {
    at,
    totalMs,
    signal: controller.signal,
    remainingMs,
    passed: () => controller.signal.aborted || remainingMs() === 0,
    clear: () => clearTimeout(timer),
  };
};

/** For a ReviewContext built outside `processReviewJob` (a stage's unit test): it never passes. */
export const NO_DEADLINE: ReviewDeadline = {
  at: Number.POSITIVE_INFINITY,
  totalMs: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
  remainingMs: () => Number.POSITIVE_INFINITY,
  passed: () => false,
  clear: () => undefined,
};

/** "the review's total deadline (20 min)", for the messages of calls it stopped or never began. */
export const describeDeadline = (deadline: ReviewDeadline): string =>
  `the review's total deadline (${formatDuration(deadline.totalMs)})`;

/**
 * How long the SDK may wait for one call: the model timeout, or less when the deadline is nearer.
 * The deadline's own signal ends the call when it passes; the SDK's timeout then comes a second
 * later, so that the abort, which says the deadline passed, wins the race against a plain
 * "did not answer in time", and a call whose signal is somehow not honoured still ends.
 */
export const DEADLINE_BACKSTOP_MS = 1_000;

export const callTimeoutMs = (deadline: ReviewDeadline, modelTimeoutMs: number): number =>
  Math.min(modelTimeoutMs, deadline.remainingMs() + DEADLINE_BACKSTOP_MS);
