import type { Policy } from '../domain/policy.js';
import type { RouteTier, Tier } from '../domain/review-job.js';
import { formatUsd } from '../domain/format-usd.js';
import type { BudgetState, MonthSpend, TierChoice } from './types.js';

/** Float sums like 49.2 + 0.8 must not "pass" a $50 cap. */
const passes = (amount: number, cap: number): boolean => amount > cap + 1e-9;

const outcomeText = (tier: RouteTier): string =>
  tier === 'fast' ? 'this review runs on the fast tier' : 'this review is skipped';

const shortOutcome = (tier: RouteTier): string =>
  tier === 'fast' ? 'fast tier instead' : 'no review';

interface Step {
  readonly choice: TierChoice;
  readonly notes: readonly string[];
}

const lower = (
  step: Step,
  change: { readonly tier: RouteTier; readonly rule: string; readonly why: string },
  note: string,
): Step => ({
  choice: {
    ...step.choice,
    tier: change.tier,
    reason: `${step.choice.reason}; ${change.why}, so ${shortOutcome(change.tier)}`,
    rule: change.rule,
  },
  notes: [...step.notes, note],
});

/** Only a review that does not fit even trimmed to its most risky file changes tier here. */
const perReviewStep = (step: Step, policy: Policy, budget: BudgetState): Step => {
  const cap = policy.budget.per_review_usd;
  const { tier } = step.choice;
  const { estimate } = budget;
  if (cap === null || tier === 'skip' || estimate[tier].fit.kind !== 'over') return step;
  const next: RouteTier = tier === 'deep' && estimate.fast.fit.kind !== 'over' ? 'fast' : 'skip';
  const fastToo = tier === 'deep' && next === 'skip' ? ', and so would a fast one' : '';
  const note =
    `per-review budget ${formatUsd(cap)}: a ${tier} review would pass it even with only its ` +
    `most risky file (~${formatUsd(estimate[tier].usd)})${fastToo}, so ${outcomeText(next)}`;
  return lower(
    step,
    { tier: next, rule: 'budget.per_review_usd', why: 'over the per-review budget' },
    note,
  );
};

interface MonthlyCap {
  readonly rule: string;
  readonly why: string;
  /** "monthly budget $50.00: $49.20 spent this month" */
  readonly describe: (capUsd: number, month: MonthSpend) => string;
}

const held = (month: MonthSpend): string =>
  month.reservedUsd > 0 ? ` and ${formatUsd(month.reservedUsd)} held by reviews in progress` : '';

const REPO_CAP: MonthlyCap = {
  rule: 'budget.monthly_usd',
  why: 'the monthly budget would be passed',
  describe: (cap, month) =>
    `monthly budget ${formatUsd(cap)}: ${formatUsd(month.spentUsd)} spent this month${held(month)}`,
};

const PULL_CAP: MonthlyCap = {
  rule: 'budget.per_pull_request_usd',
  why: "the pull request's budget would be passed",
  describe: (cap, spend) =>
    `pull request budget ${formatUsd(cap)}: ${formatUsd(spend.spentUsd)} spent on this pull request${held(spend)}`,
};

const orgCap = (owner: string): MonthlyCap => ({
  rule: 'budget.org_monthly_usd',
  why: "the organisation's monthly budget would be passed",
  describe: (cap, month) =>
    `organisation budget ${formatUsd(cap)}: ${formatUsd(month.spentUsd)} spent this month ` +
    `across ${owner}${held(month)}`,
});

/** "a deep review (~$1.40) would pass it" / "... and so would a fast one (~$0.10)" */
const whatPasses = (tier: Tier, budget: BudgetState, fastPassesToo: boolean): string => {
  const first = `a ${tier} review (~${formatUsd(budget.estimate[tier].usd)}) would pass it`;
  return fastPassesToo && tier === 'deep'
    ? `${first}, and so would a fast one (~${formatUsd(budget.estimate.fast.usd)})`
    : first;
};

const monthlyStep = (
  step: Step,
  policy: Policy,
  budget: BudgetState,
  scope: { readonly capUsd: number | null; readonly month: MonthSpend | null; cap: MonthlyCap },
): Step => {
  const { capUsd, month, cap } = scope;
  const { tier } = step.choice;
  if (capUsd === null || month === null || tier === 'skip') return step;
  const committed = month.spentUsd + month.reservedUsd;
  const { fast } = budget.estimate;
  if (!passes(committed + budget.estimate[tier].usd, capUsd)) return step;
  const fastFits = fast.fit.kind !== 'over' && !passes(committed + fast.usd, capUsd);
  const downgrade = policy.budget.when_exceeded === 'fast';
  const next: RouteTier = downgrade && tier === 'deep' && fastFits ? 'fast' : 'skip';
  const note =
    `${cap.describe(capUsd, month)}; ${whatPasses(tier, budget, downgrade && !fastFits)}, ` +
    `so ${outcomeText(next)}${downgrade ? '' : ' (when_exceeded: skip)'}`;
  return lower(step, { tier: next, rule: cap.rule, why: cap.why }, note);
};

/** Says which files a trimmed review leaves out; the tier does not change. */
const trimNote = (tier: RouteTier, policy: Policy, budget: BudgetState): string | null => {
  const cap = policy.budget.per_review_usd;
  if (cap === null || tier === 'skip') return null;
  const { fit, usd, wholeUsd } = budget.estimate[tier];
  if (fit.kind !== 'trimmed') return null;
  return (
    `per-review budget ${formatUsd(cap)}: this ${tier} review leaves out its least risky files ` +
    `to stay within it (~${formatUsd(usd)}; ~${formatUsd(wholeUsd)} with every file)`
  );
};

/**
 * The budget, applied before any model is called (docs/policy.md, "The
 * budget"). `per_review_usd`: a review whose estimate passes it has its least risky files left out
 * until it fits (the worker works out which, and `estimate[tier].fit` says how it went); only a
 * review that would pass it even with its most risky file alone changes tier: a deep one runs on
 * the fast tier if that fits, else nothing runs. Then `monthly_usd` for the repository, then
 * `org_monthly_usd` for the owner's repositories together: when the month's spend plus what reviews
 * in progress hold plus the estimate would pass the cap, `when_exceeded: fast` runs a deep review
 * on the fast tier if that fits and skips otherwise; `when_exceeded: skip` skips. Before the monthly
 * caps, `per_pull_request_usd` is checked the same way against the pull request's spend over every
 * push and command. `budgetNote`
 * says what happened with the month's spend; null when the budget changed nothing.
 */
export const applyBudget = (
  choice: TierChoice,
  policy: Policy,
  budget: BudgetState | null,
): { readonly choice: TierChoice; readonly budgetNote: string | null } => {
  if (budget === null) return { choice, budgetNote: null };
  const caps = policy.budget;
  let step: Step = perReviewStep({ choice, notes: [] }, policy, budget);
  step = monthlyStep(step, policy, budget, {
    capUsd: caps.per_pull_request_usd,
    month: budget.pull ?? null,
    cap: PULL_CAP,
  });
  step = monthlyStep(step, policy, budget, {
    capUsd: caps.monthly_usd,
    month: budget.repo,
    cap: REPO_CAP,
  });
  step = monthlyStep(step, policy, budget, {
    capUsd: caps.org_monthly_usd,
    month: budget.org,
    cap: orgCap(budget.org?.owner ?? ''),
  });
  const trimmed = trimNote(step.choice.tier, policy, budget);
  const notes = trimmed === null ? step.notes : [...step.notes, trimmed];
  return { choice: step.choice, budgetNote: notes.length === 0 ? null : notes.join('; ') };
};
