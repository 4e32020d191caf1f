import type { MonthSpend, BudgetState, TierEstimate } from '../route/types.js';
import { monthWindow } from './month-window.js';
import type { ReviewContext } from './review-context.js';

/**
 * What routing checks the budget caps against: this month's recorded spend and live reservations,
 * for the repository and for its owner, read only for the caps the policy sets. Null when the
 * policy sets no budget at all.
 */
export const readBudgetState = async (
  context: ReviewContext,
  estimate: { readonly fast: TierEstimate; readonly deep: TierEstimate },
): Promise<BudgetState | null> => {
  const { budget } = context.policy;
  if (
    budget.monthly_usd === null &&
    budget.org_monthly_usd === null &&
    budget.per_review_usd === null
  )
    return null;
  const now = context.deps.now();
  const query = { repo: context.repo, ...monthWindow(now), at: now.toISOString() };
  const read = (scope: 'repo' | 'org'): Promise<MonthSpend> =>
    context.deps.ledger.committed({ ...query, scope });
  const repo = budget.monthly_usd === null ? null : await read('repo');
  const org =
    budget.org_monthly_usd === null ? null : { owner: context.job.owner, ...(await read('org')) };
  return { repo, org, estimate };
};
