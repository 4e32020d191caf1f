import { formatUsd } from '../domain/format-usd.js';
import type { ReserveResult } from '../ledger/types.js';
import { chooseTier } from '../route/choose-tier.js';
import type { RouteDecision, RouteInput } from '../route/types.js';
import type { ReviewScope } from '../domain/review-scope.js';
import type { Log } from '../domain/log.js';
import { tierEstimates, type TierPlans } from '../review/plan-tiers.js';
import { readBudgetState } from './read-budget-state.js';
import { CAP_NAMES, CAP_RULES, reserveBudget, type BudgetDeps } from './reserve-budget.js';
import type { ReviewSubject } from './review-subject.js';

/** What routing reads of the change. */
export type RoutedSubject = Pick<
  ReviewSubject,
  'job' | 'repo' | 'policy' | 'classification' | 'diff' | 'pr' | 'scope'
>;

export interface ReviewDecision {
  readonly decision: RouteDecision;
  /** The budget held for this review until its cost is recorded; null when nothing is held. */
  readonly reservationId: string | null;
}

const routeInput = (subject: RoutedSubject): Omit<RouteInput, 'budget'> => ({
  policy: subject.policy,
  classification: subject.classification,
  diff: subject.diff,
  pr: subject.pr,
  forcedTier: subject.job.forcedTier,
});

/** Each refusal means another review took budget since we read it; routing again sees that. */
const MAX_ROUTES = 3;

type Refusal = Extract<ReserveResult, { reserved: false }>;

/** After MAX_ROUTES refusals in a row (budget taken faster than we can read it): skip, and say so. */
const skipAfterRefusals = (decision: RouteDecision, refusal: Refusal): RouteDecision => {
  const cap = CAP_NAMES[refusal.scope];
  return {
    tier: 'skip',
    model: null,
    reason: `${decision.reason}; reviews running at the same time took the rest of the ${cap}, so no review`,
    rule: CAP_RULES[refusal.scope],
    budgetNote:
      `${cap} ${formatUsd(refusal.capUsd)}: ${formatUsd(refusal.spentUsd)} spent ${refusal.scope === 'pull' ? 'on this pull request' : 'this month'} and ` +
      `${formatUsd(refusal.reservedUsd)} held by reviews in progress, so this review is skipped`,
  };
};

/**
 * Routes the pull request against this month's budget and holds the chosen tier's estimate in the
 * ledger, atomically, so two reviews racing for the last of a budget cannot both get it. When the
 * hold is refused, another review got there first: the budget is read again and the pull request
 * routed again, which lowers it to the fast tier or skips it as the policy says.
 */
export const decideReview = async (
  subject: RoutedSubject,
  plans: TierPlans,
  deps: BudgetDeps & { readonly log: Log },
): Promise<ReviewDecision> => {
  const routed = await routeAndReserve(subject, plans, deps);
  const decision = withScope(routed.decision, subject.scope);
  const { classification } = subject;
  deps.log.info(
    {
      tier: decision.tier,
      rule: decision.rule,
      risk: classification.risk.score,
      size: classification.size,
      budget: decision.budgetNote,
    },
    'routed',
  );
  return { ...routed, decision };
};

const short = (sha: string): string => sha.slice(0, 7);

/**
 * An incremental review says so in its reason, which the summary shows and the prompt quotes; a
 * push that changed none of the pull request's files (a merge of the base branch) is skipped.
 */
const withScope = (decision: RouteDecision, scope: ReviewScope): RouteDecision => {
  if (scope.kind !== 'incremental') return decision;
  if (scope.files === 0) {
    return {
      ...decision,
      tier: 'skip',
      model: null,
      reason: `no file of this pull request changed since ${short(scope.baseSha)}, the commit reviewed last`,
      rule: 'incremental',
    };
  }
  if (decision.tier === 'skip') return decision;
  return {
    ...decision,
    reason: `${decision.reason} (incremental: only the changes since ${short(scope.baseSha)}, reviewed before)`,
  };
};

const routeAndReserve = async (
  subject: RoutedSubject,
  plans: TierPlans,
  deps: BudgetDeps & { readonly log: Log },
): Promise<ReviewDecision> => {
  if (subject.scope.kind === 'incremental' && subject.scope.files === 0)
    return { decision: chooseTier({ ...routeInput(subject), budget: null }), reservationId: null };
  const estimate = tierEstimates(plans);
  let refusal: Refusal | null = null;
  let decision: RouteDecision | null = null;
  for (let attempt = 0; attempt < MAX_ROUTES; attempt += 1) {
    decision = chooseTier({
      ...routeInput(subject),
      budget: await readBudgetState(subject, estimate, deps),
    });
    if (decision.tier === 'skip') return { decision, reservationId: null };
    const held = await reserveBudget(subject, plans[decision.tier].usd, deps);
    if (held.reserved) return { decision, reservationId: held.id };
    refusal = held;
    deps.log.info(
      { tier: decision.tier, scope: held.scope, attempt },
      'another review took the budget first: routing again',
    );
  }
  if (decision === null || refusal === null) throw new Error('MAX_ROUTES must be at least 1');
  return { decision: skipAfterRefusals(decision, refusal), reservationId: null };
};
