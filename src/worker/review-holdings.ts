/** What a review holds while it runs, and how each way it ends becomes a JobOutcome. */
import { errorMessage } from '../domain/errors.js';
import type { Classification } from '../domain/classification.js';
import type { Outcome } from '../domain/ledger-entry.js';
import type { CheckConclusion, CheckRunOutput } from '../github/types.js';
import type { ReviewKey } from '../ledger/types.js';
import type { PublishResult } from '../publish/publish-review.js';
import type { TierAnswer, TierChoice } from '../review/tier-call.js';
import type { Attempt, JobOutcome } from './job-outcome.js';

export interface Holdings {
  readonly classification: Classification;
  readonly claims: readonly ReviewKey[];
  /** Claims released whatever happens (the deep tier, when the deep model failed). */
  readonly releasedClaims: readonly ReviewKey[];
  readonly reservationId: string | null;
  /** The check run opened when the review started. */
  readonly checkId: number | null;
  /** Rows whose outcome is known (failed calls, an escalated fast answer), in order. */
  readonly attempts: readonly Attempt[];
  /** The answer paid for and not yet given an outcome: failed, "not posted", if the job stops. */
  readonly unposted: TierAnswer | null;
}

/** The ledger row of an answer: the cost as priced, any validation or pricing error kept. */
export const answerRow = (
  result: TierAnswer,
  outcome: Outcome,
  error: string | null = null,
): Attempt => ({
  tier: result.choice.tier,
  reason: result.choice.reason,
  outcome,
  provider: result.choice.model.provider,
  model: result.choice.model.model,
  usage: result.usage,
  costUsd: result.costUsd,
  deepCostUsd: result.deepCostUsd,
  priceVersion: result.priceVersion,
  error: error ?? ([result.invalidAnswer, result.priceError].filter(Boolean).join('; ') || null),
});

/** What a row priced at the budget's estimate needs: the tier's and the deep tier's estimates. */
export interface BudgetEstimate {
  readonly usd: number;
  readonly deepUsd: number;
  readonly priceVersion: string;
}

/** A row of a call whose usage this process never saw, priced at the estimate its budget held. */
export const estimatedRow = (
  choice: TierChoice,
  estimate: BudgetEstimate,
  outcome: 'failed' | 'posted',
  error: string,
): Attempt => ({
  tier: choice.tier,
  reason: choice.reason,
  outcome,
  provider: choice.model.provider,
  model: choice.model.model,
  usage: null,
  costUsd: estimate.usd,
  deepCostUsd: estimate.deepUsd,
  priceVersion: estimate.priceVersion,
  error,
});

const outcomeOf = (
  held: Holdings,
  fields: Pick<JobOutcome, 'attempts' | 'settleAs' | 'interrupted'>,
  output: { conclusion: CheckConclusion; output: CheckRunOutput } | null,
): JobOutcome => ({
  classification: held.classification,
  claims: held.claims,
  releasedClaims: held.releasedClaims,
  reservationId: held.reservationId,
  check: output === null ? null : { id: held.checkId, ...output },
  ...fields,
});

/** The model gave nothing to post: a neutral check run saying why, every claim released. */
export const unanswered = (held: Holdings, message: string): JobOutcome =>
  outcomeOf(
    held,
    { attempts: held.attempts, settleAs: 'released', interrupted: null },
    {
      conclusion: 'neutral',
      output: { title: 'No review: the model call failed', summary: message },
    },
  );

/** The answer is moot (a newer push, a closed pull request): its spend recorded, nothing posted. */
export const abandoned = (
  held: Holdings,
  result: TierAnswer,
  check: CheckRunOutput,
  error: string | null,
): JobOutcome =>
  outcomeOf(
    held,
    {
      attempts: [...held.attempts, answerRow(result, 'superseded', error)],
      settleAs: 'released',
      interrupted: null,
    },
    { conclusion: 'neutral', output: check },
  );

export const posted = (held: Holdings, result: TierAnswer, published: PublishResult): JobOutcome =>
  outcomeOf(
    held,
    {
      attempts: [...held.attempts, answerRow(result, 'posted')],
      settleAs: 'posted',
      interrupted: null,
    },
    { conclusion: published.conclusion, output: published.output },
  );

/** Something unexpected stopped the review: what was paid for is failed, "not posted", and retried. */
export const interrupted = (held: Holdings, error: unknown): JobOutcome =>
  outcomeOf(
    held,
    {
      attempts: [
        ...held.attempts,
        ...(held.unposted === null
          ? []
          : [answerRow(held.unposted, 'failed', `not posted: ${errorMessage(error)}`)]),
      ],
      settleAs: 'released',
      interrupted: error,
    },
    held.checkId === null
      ? null
      : {
          conclusion: 'neutral',
          output: {
            title: 'Review interrupted',
            summary: 'An unexpected error stopped this review; it will be retried.',
          },
        },
  );
