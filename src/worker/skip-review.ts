import type { RouteDecision } from '../route/types.js';
import { buildLedgerEntry } from './build-ledger-entry.js';
import type { ReviewContext } from './review-context.js';
import { postFinishedCheck } from './post-finished-check.js';

/** A budget cap that skipped the review is named in the check run's title, in plain words. */
const BUDGET_TITLES: Readonly<Record<string, string>> = {
  'budget.monthly_usd': "Skipped: this review would pass the repository's monthly budget",
  'budget.org_monthly_usd': "Skipped: this review would pass the organisation's monthly budget",
  'budget.per_review_usd': 'Skipped: this review would pass the per-review budget',
};

/** Completes a `skipped` check run that says why (and, for a budget, the month's spend), and records the skip. */
export const skipReview = async (
  context: ReviewContext,
  decision: RouteDecision,
  deepCostUsd: number,
): Promise<void> => {
  const { gh, ref, job, deps } = context;
  await postFinishedCheck(gh, { ref, headSha: job.headSha }, 'skipped', {
    title: BUDGET_TITLES[decision.rule] ?? `Skipped: ${decision.reason}`,
    summary: [
      `**Why:** ${decision.reason}`,
      decision.budgetNote === null ? '' : `**Budget:** ${decision.budgetNote}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  });
  await deps.ledger.record(
    buildLedgerEntry({
      job,
      startedAt: context.startedAt,
      finishedAt: deps.now().toISOString(),
      classification: context.classification,
      tier: 'skip',
      outcome: 'skipped',
      reason: decision.reason,
      deepCostUsd,
    }),
  );
};
