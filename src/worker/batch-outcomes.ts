/** How a waiting batch review ends, as outcomes for the finishing step: every row marked batch. */
import type { Classification } from '../domain/classification.js';
import type { Usage } from '../domain/usage.js';
import type { CheckRunOutput } from '../github/types.js';
import type { PendingBatch, ReviewKey } from '../ledger/types.js';
import type { Attempt, JobOutcome } from './job-outcome.js';
import { endedWith } from './job-outcome.js';

export const batchKey = (pending: PendingBatch): ReviewKey => ({
  repo: pending.repo,
  pr: pending.pr,
  headSha: pending.headSha,
  tier: pending.tier,
});

/** The outcome with each of its rows marked as sent through a batch API (priced at its discount). */
export const asBatch = (outcome: JobOutcome): JobOutcome => ({
  ...outcome,
  attempts: outcome.attempts.map((attempt) => ({ ...attempt, batch: true })),
});

export interface SpentBatch {
  readonly usage: Usage | null;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  readonly priceVersion: string | null;
}

const row = (
  pending: PendingBatch,
  outcome: 'failed' | 'superseded' | 'posted',
  spent: SpentBatch,
  error: string | null,
): Attempt => ({
  tier: pending.tier,
  reason: pending.reason,
  outcome,
  provider: pending.provider,
  model: pending.model,
  usage: spent.usage,
  costUsd: spent.costUsd,
  deepCostUsd: spent.deepCostUsd,
  priceVersion: spent.priceVersion,
  error,
  batch: true,
});

/**
 * What the batch cost is recorded, its claim and reservation let go, and its check run completed
 * with what happened: a newer push or a closed pull request (`superseded`), or a batch that
 * failed or expired (`failed`, and the review runs again without batch).
 */
export const batchEnded = (
  pending: PendingBatch,
  how: {
    readonly outcome: 'failed' | 'superseded';
    readonly spent: SpentBatch;
    readonly error: string | null;
    readonly check: CheckRunOutput;
    readonly classification?: Classification | null;
  },
): JobOutcome =>
  endedWith({
    classification: how.classification ?? null,
    attempts: [row(pending, how.outcome, how.spent, how.error)],
    check:
      pending.checkId === null
        ? null
        : { id: pending.checkId, conclusion: 'neutral', output: how.check },
    claims: [batchKey(pending)],
    settleAs: 'released',
    reservationId: pending.reservationId,
  });

export const fallbackCheck = (message: string): CheckRunOutput => ({
  title: 'Batch review failed: reviewing now without batch',
  summary:
    `The batch review did not give an answer to post: ${message}. The review runs again now, ` +
    'without batch and within the budget; its own check run follows. What the batch cost is recorded.',
});

/**
 * The review of the batch's commit and tier is on the pull request already: posted by an earlier
 * poll of this batch that stopped before it finished, or by a review that took the commit's claim
 * over while the batch waited. The answer is not posted again; its cost is recorded, as the
 * posted review's when no row says that review was recorded, else as superseded.
 */
export const batchPostedBefore = (
  pending: PendingBatch,
  found: {
    readonly url: string;
    readonly recorded: boolean;
    readonly spent: SpentBatch;
    readonly classification: Classification;
  },
): JobOutcome =>
  endedWith({
    classification: found.classification,
    attempts: [
      row(
        pending,
        found.recorded ? 'superseded' : 'posted',
        found.spent,
        found.recorded ? 'another review of this commit on this tier was posted first' : null,
      ),
    ],
    check:
      pending.checkId === null
        ? null
        : {
            id: pending.checkId,
            conclusion: 'success',
            output: {
              title: `Reviewed on the ${pending.tier} tier`,
              summary: `[The review](${found.url}) of this commit is on the pull request; the batch's answer was not posted again. What the batch cost is recorded.`,
            },
          },
    claims: [batchKey(pending)],
    settleAs: 'posted',
    reservationId: pending.reservationId,
  });
