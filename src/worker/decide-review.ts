import { formatUsd } from '../domain/format-usd.js';
import type { ReserveResult } from '../ledger/types.js';
import { chooseTier } from '../route/choose-tier.js';
import type { RouteDecision, RouteInput } from '../route/types.js';
import type { ReviewScope } from '../domain/review-scope.js';
import { tierEstimates, type TierPlans } from './plan-tiers.js';
import { readBudgetState } from './read-budget-state.js';
import type { ReviewContext } from './review-context.js';
import { reserveBudget } from './reserve-budget.js';

export interface ReviewDecision {
  readonly decision: RouteDecision;
  /** The budget held for this review until its cost is recorded; null when nothing is held. */
  readonly reservationId: string | null;
}

const routeInput = (context: ReviewContext): Omit<RouteInput, 'budget'> => ({
  policy: context.policy,
  classification: context.classification,
  diff: context.diff,
  pr: context.pr,
  forcedTier: context.job.forcedTier,
});

/** Each refusal means another review took budget since we read it; routing again sees that. */
const MAX_ROUTES = 3;

type Refusal = Extract<ReserveResult, { reserved: false }>;

/** After MAX_ROUTES refusals in a row (budget taken faster than we can read it): skip, and say so. */
const skipAfterRefusals = (decision: RouteDecision, refusal: Refusal): RouteDecision => {
  const cap = refusal.scope === 'org' ? 'organisation budget' : 'monthly budget';
  return {
    tier: 'skip',
    model: null,
    reason: `${decision.reason}; reviews running at the same time took the rest of the ${cap}, so no review`,
    rule: refusal.scope === 'org' ? 'budget.org_monthly_usd' : 'budget.monthly_usd',
    budgetNote:
      `${cap} ${formatUsd(refusal.capUsd)}: ${formatUsd(refusal.spentUsd)} spent this month and ` +
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
  context: ReviewContext,
  plans: TierPlans,
): Promise<ReviewDecision> => {
  const routed = await routeAndReserve(context, plans);
  return { ...routed, decision: withScope(routed.decision, context.scope) };
};

const short = (sha: string): string => sha.slice(0, 7);

/**
 * An incremental review says so in its reason, which the summary shows and the prompt quotes; a
 * push that changed none of the pull request's files (a merge of the base branch) is skipped.
 */
const withScope = (decision: RouteDecision, scope: ReviewScope | undefined): RouteDecision => {
  if (scope?.kind !== 'incremental') return decision;
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
  context: ReviewContext,
  plans: TierPlans,
): Promise<ReviewDecision> => {
  if (context.scope?.kind === 'incremental' && context.scope.files === 0)
    return { decision: chooseTier({ ...routeInput(context), budget: null }), reservationId: null };
  const estimate = tierEstimates(plans);
  let refusal: Refusal | null = null;
  let decision: RouteDecision | null = null;
  for (let attempt = 0; attempt < MAX_ROUTES; attempt += 1) {
    decision = chooseTier({
      ...routeInput(context),
      budget: await readBudgetState(context, estimate),
    });
    if (decision.tier === 'skip') return { decision, reservationId: null };
    const held = await reserveBudget(context, plans[decision.tier].usd);
    if (held.reserved) return { decision, reservationId: held.id };
    refusal = held;
    context.log.info(
      { tier: decision.tier, scope: held.scope, attempt },
      'another review took the budget first: routing again',
    );
  }
  if (decision === null || refusal === null) throw new Error('MAX_ROUTES must be at least 1');
  return { decision: skipAfterRefusals(decision, refusal), reservationId: null };
};
