import { formatDuration } from './format-duration.js';

/**
 * The reason a review's total deadline (REVIEW_DEADLINE_MS) aborts the signal its model calls
 * carry. A provider adapter that sees its call aborted with this reason reports a timeout that
 * names the deadline; any other abort is not its to explain, and it re-throws it.
 */
export class ReviewDeadlinePassed extends Error {
  override readonly name = 'ReviewDeadlinePassed';
  readonly totalMs: number;
  constructor(totalMs: number) {
    super(`the review's total deadline (${formatDuration(totalMs)}) passed`);
    this.totalMs = totalMs;
  }
}

/** The deadline that aborted `signal`, or null when it is not aborted or something else aborted it. */
export const deadlinePassedOn = (signal: AbortSignal | undefined): ReviewDeadlinePassed | null =>
  signal?.aborted === true && signal.reason instanceof ReviewDeadlinePassed ? signal.reason : null;
