import { errorMessage, TransientError } from '../domain/errors.js';
import type { Log } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { GitHubPort, RepoRef } from '../github/types.js';
import type { PriceTable } from '../ledger/price-table.js';
import type { BudgetReservations, CostRows, ReviewClaims } from '../ledger/types.js';
import { JobAborted } from '../queue/job-aborted.js';
import { afterPosting } from '../publish/after-posting.js';
import { buildLedgerEntry } from './build-ledger-entry.js';
import type { CheckReport, JobOutcome } from './job-outcome.js';
import { postFinishedCheck } from './post-finished-check.js';

export interface FinishTarget {
  readonly job: ReviewJob;
  readonly ref: RepoRef;
  readonly startedAt: string;
  readonly gh: Pick<GitHubPort, 'createCheckRun' | 'completeCheckRun'>;
  readonly log: Log;
}

export interface FinishDeps {
  readonly ledger: Pick<CostRows, 'record'> &
    Pick<ReviewClaims, 'settle'> &
    Pick<BudgetReservations, 'release'>;
  readonly now: () => Date;
  /** The price table the attempts were priced with: each row also says what caching saved. */
  readonly prices?: PriceTable;
}

const reportCheck = (target: FinishTarget, check: CheckReport): Promise<void> =>
  check.id === null
    ? postFinishedCheck(
        target.gh,
        { ref: target.ref, headSha: target.job.headSha },
        check.conclusion,
        check.output,
      )
    : target.gh.completeCheckRun(target.ref, check.id, check.conclusion, check.output);

/** A job the queue took back stays a JobAborted; any other failure is retried as transient. */
const retryable = (error: unknown): Error =>
  error instanceof JobAborted || error instanceof TransientError
    ? error
    : new TransientError(errorMessage(error), { cause: error });

/**
 * The one place a review job's outcome is written: the check run, the ledger rows (every attempt
 * paid for, whatever GitHub did), the claims and the budget reservation; then the decision to
 * retry. A check run that cannot be reported retries the job, unless its review is posted:
 * posting again would give the head SHA a second review.
 */
export const finishJob = async (
  outcome: JobOutcome,
  target: FinishTarget,
  deps: FinishDeps,
): Promise<void> => {
  let failure: unknown = outcome.interrupted;
  if (failure === null && outcome.check !== null) {
    try {
      await reportCheck(target, outcome.check);
    } catch (error) {
      // Nothing was spent yet: the retry writes the row with its check run.
      if (outcome.claims.length + outcome.releasedClaims.length === 0) throw retryable(error);
      if (outcome.settleAs === 'posted')
        target.log.error({ err: error }, 'review posted, but its check run could not be completed');
      else failure = error;
    }
  }
  const entryOf = (attempt: (typeof outcome.attempts)[number]) =>
    buildLedgerEntry({
      job: target.job,
      startedAt: target.startedAt,
      finishedAt: deps.now().toISOString(),
      classification: outcome.classification,
      ...attempt,
      ...(deps.prices === undefined ? {} : { prices: deps.prices }),
    });
  if (outcome.settleAs === 'posted' && failure === null) {
    // The review is up: a failed row must not release its claim and retry the job, which would
    // pay the model again and post a second review. Each row is tried a few times, then logged.
    for (const attempt of outcome.attempts)
      await afterPosting(
        'a row of what it cost (missing from the reports: this line says what it was)',
        () => deps.ledger.record(entryOf(attempt)).then(() => undefined),
        {
          log: target.log,
          fields: { tier: attempt.tier, outcome: attempt.outcome, costUsd: attempt.costUsd },
        },
      );
  } else {
    try {
      for (const attempt of outcome.attempts) await deps.ledger.record(entryOf(attempt));
    } catch (error) {
      if (failure === null) failure = error;
    }
  }
  const settleAs = failure === null ? outcome.settleAs : 'released';
  for (const key of outcome.releasedClaims) await deps.ledger.settle(key, 'released');
  for (const key of outcome.claims) await deps.ledger.settle(key, settleAs);
  if (outcome.reservationId !== null) await deps.ledger.release(outcome.reservationId);
  if (failure === null) return;
  // Interrupted: the check run says so, best effort, since GitHub may be what failed.
  if (outcome.interrupted !== null && outcome.check !== null)
    await reportCheck(target, outcome.check).catch(() => undefined);
  throw retryable(failure);
};
