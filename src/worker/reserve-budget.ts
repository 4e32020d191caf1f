/** The worker's side of budget reservations: which caps apply, and holding an estimate under them. */
import type { Policy } from '../domain/policy.js';
import type { BudgetCap, BudgetReservations, BudgetScope, ReserveResult } from '../ledger/types.js';
import { claimLeaseMs } from './claim-lease.js';
import { monthWindow } from '../route/month-window.js';
import type { ReviewSubject } from './review-subject.js';
import type { ReviewLimits } from './types.js';

/** What reading and holding the budget needs: the ledger's budget half, the limits and a clock. */
export interface BudgetDeps {
  readonly ledger: Pick<BudgetReservations, 'committed' | 'reserve'>;
  readonly limits: ReviewLimits;
  readonly now: () => Date;
  /**
   * When the job started: its rows carry that time, so its spend counts in that calendar month,
   * though the budget is checked seconds later, maybe past midnight UTC. Now when absent.
   */
  readonly jobStartedAt?: string;
}

/** The calendar month a job's spend is recorded in. */
export const spendMonth = (deps: Pick<BudgetDeps, 'now' | 'jobStartedAt'>) =>
  monthWindow(deps.jobStartedAt === undefined ? deps.now() : new Date(deps.jobStartedAt));

/**
 * How long a reservation counts when nobody releases it (a worker that crashed mid-review): long
 * enough for a fast call, a repair, an escalation and a repair, each up to the model timeout, and
 * never shorter than the claim lease, which outlasts the review's total deadline: a review that
 * may still spend keeps its budget held, and one taken over after a crash has let it go.
 */
export const reservationTtlMs = (limits: ReviewLimits): number =>
  Math.max(6 * limits.modelTimeoutMs, claimLeaseMs(limits));

/** Each cap as a check run names it, and the policy key that sets it. */
export const CAP_NAMES: Readonly<Record<BudgetScope, string>> = {
  repo: 'monthly budget',
  org: 'organisation budget',
  pull: 'pull request budget',
};
export const CAP_RULES: Readonly<Record<BudgetScope, string>> = {
  repo: 'budget.monthly_usd',
  org: 'budget.org_monthly_usd',
  pull: 'budget.per_pull_request_usd',
};

/**
 * The caps of the policy a reservation must fit under: the pull request's first, then the
 * repository's month, then the organisation's.
 */
export const monthlyCaps = (policy: Policy): BudgetCap[] => {
  const { monthly_usd: repo, org_monthly_usd: org, per_pull_request_usd: pull } = policy.budget;
  const caps: BudgetCap[] = [];
  if (pull !== null) caps.push({ scope: 'pull', capUsd: pull });
  if (repo !== null) caps.push({ scope: 'repo', capUsd: repo });
  if (org !== null) caps.push({ scope: 'org', capUsd: org });
  return caps;
};

/**
 * Holds `amountUsd` of this month's budget for the review about to run, atomically against every
 * monthly cap; `replaces` hands over an earlier reservation of the same review (an escalation).
 * With no monthly cap nothing needs holding: the result is reserved with a null id.
 */
export const reserveBudget = async (
  subject: Pick<ReviewSubject, 'repo' | 'policy'> & {
    readonly pr?: { readonly number: number };
  },
  amountUsd: number,
  deps: BudgetDeps,
  replaces: string | null = null,
  ttlMs: number = reservationTtlMs(deps.limits),
): Promise<ReserveResult | { readonly reserved: true; readonly id: null }> => {
  const caps = monthlyCaps(subject.policy);
  if (caps.length === 0) return { reserved: true, id: null };
  const now = deps.now();
  return deps.ledger.reserve({
    repo: subject.repo,
    ...(subject.pr === undefined ? {} : { pr: subject.pr.number }),
    amountUsd,
    caps,
    ...spendMonth(deps),
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    ...(replaces === null ? {} : { replaces }),
  });
};
