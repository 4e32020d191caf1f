import type { MonthSpend, BudgetState, TierEstimate } from '../route/types.js';
import { spendMonth, type BudgetDeps } from './reserve-budget.js';
import type { ReviewSubject } from './review-subject.js';

/**
 * What routing checks the budget caps against: this month's recorded spend and live reservations,
 * for the repository and for its owner, read only for the caps the policy sets. Null when the
 * policy sets no budget at all.
 */
export const readBudgetState = async (
  subject: Pick<ReviewSubject, 'repo' | 'policy' | 'job'>,
  estimate: { readonly fast: TierEstimate; readonly deep: TierEstimate },
  deps: Pick<BudgetDeps, 'ledger' | 'now' | 'jobStartedAt'>,
): Promise<BudgetState | null> => {
  const { budget } = subject.policy;
  if (
    budget.monthly_usd === null &&
    budget.org_monthly_usd === null &&
    budget.per_review_usd === null &&
    budget.per_pull_request_usd === null
  )
    return null;
  const now = deps.now();
  const query = { repo: subject.repo, ...spendMonth(deps), at: now.toISOString() };
  const read = (scope: 'repo' | 'org' | 'pull'): Promise<MonthSpend> =>
    deps.ledger.committed({ ...query, scope, pr: subject.job.pr });
  const repo = budget.monthly_usd === null ? null : await read('repo');
  const org =
    budget.org_monthly_usd === null ? null : { owner: subject.job.owner, ...(await read('org')) };
  const pull = budget.per_pull_request_usd === null ? null : await read('pull');
  return { repo, org, pull, estimate };
};
