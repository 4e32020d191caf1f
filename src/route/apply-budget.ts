import type { Policy } from '../domain/policy.js';
import type { RouteTier, Tier } from '../domain/review-job.js';
import { formatUsd } from '../domain/format-usd.js';
import type { BudgetState, TierChoice } from './types.js';

/** Float sums like 49.2 + 0.8 must not "pass" a $50 cap. */
const passes = (amount: number, cap: number): boolean => amount > cap + 1e-9;

const outcomeText = (tier: RouteTier): string =>
  tier === 'fast' ? 'this review runs on the fast tier' : 'this review is skipped';

const shortOutcome = (tier: RouteTier): string =>
  tier === 'fast' ? 'fast tier instead' : 'no review';

/** "a deep review (~$1.40) would pass it" / "... and so would a fast one (~$0.10)" */
const whatPasses = (
  tier: Tier,
  estimate: BudgetState['estimateUsd'],
  fastPassesToo: boolean,
): string => {
  const first = `a ${tier} review (~${formatUsd(estimate[tier])}) would pass it`;
  return fastPassesToo && tier === 'deep'
    ? `${first}, and so would a fast one (~${formatUsd(estimate.fast)})`
    : first;
};

interface Step {
  readonly choice: TierChoice;
  readonly notes: readonly string[];
}

const perReviewStep = (step: Step, policy: Policy, budget: BudgetState): Step => {
  const cap = policy.budget.per_review_usd;
  const { tier } = step.choice;
  if (cap === null || tier === 'skip' || !passes(budget.estimateUsd[tier], cap)) return step;
  const fastFits = !passes(budget.estimateUsd.fast, cap);
  const next: RouteTier = tier === 'deep' && fastFits ? 'fast' : 'skip';
  const note = `per-review budget ${formatUsd(cap)}: ${whatPasses(tier, budget.estimateUsd, !fastFits)}, so ${outcomeText(next)}`;
  return {
    choice: {
      tier: next,
      reason: `${step.choice.reason}; over the per-review budget, so ${shortOutcome(next)}`,
      rule: 'budget.per_review_usd',
    },
    notes: [...step.notes, note],
  };
};

const monthlyStep = (step: Step, policy: Policy, budget: BudgetState): Step => {
  const cap = policy.budget.monthly_usd;
  const { tier } = step.choice;
  const spend = budget.monthSpendUsd;
  if (cap === null || tier === 'skip' || !passes(spend + budget.estimateUsd[tier], cap))
    return step;
  const fastFits = !passes(spend + budget.estimateUsd.fast, cap);
  const downgrade = policy.budget.when_exceeded === 'fast';
  const next: RouteTier = downgrade && tier === 'deep' && fastFits ? 'fast' : 'skip';
  const passing = whatPasses(tier, budget.estimateUsd, downgrade && !fastFits);
  const note =
    `monthly budget ${formatUsd(cap)}: ${formatUsd(spend)} spent this month; ${passing}, ` +
    `so ${outcomeText(next)}${downgrade ? '' : ' (when_exceeded: skip)'}`;
  return {
    choice: {
      tier: next,
      reason: `${step.choice.reason}; the monthly budget would be passed, so ${shortOutcome(next)}`,
      rule: 'budget.monthly_usd',
    },
    notes: [...step.notes, note],
  };
};

/**
 * The budget, applied before any model is called (DESIGN.md section 3). `per_review_usd`: a deep
 * review that would cost more runs on the fast tier if that fits, else nothing runs. Then
 * `monthly_usd`: when this month's spend plus the estimate would pass it, `when_exceeded: fast`
 * runs a deep review on the fast tier if that fits and skips otherwise; `when_exceeded: skip`
 * skips. `budgetNote` says what happened with the month's spend; null when the budget changed
 * nothing.
 */
export const applyBudget = (
  choice: TierChoice,
  policy: Policy,
  budget: BudgetState | null,
): { readonly choice: TierChoice; readonly budgetNote: string | null } => {
  if (budget === null) return { choice, budgetNote: null };
  const start: Step = { choice, notes: [] };
  const end = monthlyStep(perReviewStep(start, policy, budget), policy, budget);
  return { choice: end.choice, budgetNote: end.notes.length === 0 ? null : end.notes.join('; ') };
};
