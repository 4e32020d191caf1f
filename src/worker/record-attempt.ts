import type { RouteTier } from '../domain/review-job.js';
import { buildLedgerEntry, type LedgerEntryOptions } from './build-ledger-entry.js';
import type { ReviewContext } from './review-context.js';

/** What differs between the attempts of one review; the rest comes from its context. */
export type AttemptFields = Omit<
  LedgerEntryOptions,
  'job' | 'startedAt' | 'finishedAt' | 'classification' | 'tier' | 'reason'
>;

/** One ledger row for an attempt of this review on `choice`'s tier, finished now. */
export const recordAttempt = (
  context: ReviewContext,
  choice: { readonly tier: RouteTier; readonly reason: string },
  fields: AttemptFields,
): Promise<unknown> =>
  context.deps.ledger.record(
    buildLedgerEntry({
      job: context.job,
      startedAt: context.startedAt,
      finishedAt: context.deps.now().toISOString(),
      classification: context.classification,
      tier: choice.tier,
      reason: choice.reason,
      ...fields,
    }),
  );
