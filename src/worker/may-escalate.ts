import { formatUsd } from '../domain/format-usd.js';
import type { TierPlan } from '../review/plan-tiers.js';
import type { TierAnswer } from '../review/tier-call.js';
import { CAP_NAMES, reserveBudget, type BudgetDeps } from './reserve-budget.js';
import type { ReviewSubject } from './review-subject.js';

export type Escalation =
  | { readonly allowed: true; readonly reservationId: string | null }
  | { readonly allowed: false; readonly note: string | null };

/**
 * May the fast answer's request for a deep review be honoured? The policy first, then the
 * per-review budget, then the monthly caps: what the fast review's calls really cost (its failed
 * attempts too: a repair, a fallback, none of them in the ledger yet) plus the deep estimate takes
 * over the fast review's reservation, atomically, or the fast review is posted.
 */
export const mayEscalate = async (
  subject: Pick<ReviewSubject, 'repo' | 'policy' | 'pr'>,
  fast: TierAnswer,
  options: {
    readonly deep: TierPlan;
    readonly reservationId: string | null;
    /** What the attempts before the fast answer cost. */
    readonly paidUsd: number;
  },
  deps: BudgetDeps,
): Promise<Escalation> => {
  const { deep } = options;
  if (fast.choice.tier !== 'fast' || !fast.answer.escalate.needed)
    return { allowed: false, note: null };
  if (!subject.policy.routing.escalate) return { allowed: false, note: null };
  const asked = 'The fast model asked for a deep review';
  const perReview = subject.policy.budget.per_review_usd;
  if (deep.fit.kind === 'over' && perReview !== null) {
    return {
      allowed: false,
      note: `${asked}, but it would pass the per-review budget (${formatUsd(perReview)}) even with only the most risky file, so the fast review is posted.`,
    };
  }
  const fastUsd = options.paidUsd + fast.costUsd;
  const held = await reserveBudget(subject, fastUsd + deep.usd, deps, options.reservationId);
  if (held.reserved) return { allowed: true, reservationId: held.id };
  const cap = CAP_NAMES[held.scope];
  const inProgress =
    held.reservedUsd > 0
      ? ` and ${formatUsd(held.reservedUsd)} held by other reviews in progress`
      : '';
  return {
    allowed: false,
    note:
      `${asked}, but a deep review (~${formatUsd(deep.usd)}) would pass the ${cap} of ` +
      `${formatUsd(held.capUsd)}: ${formatUsd(held.spentUsd)} spent ${held.scope === 'pull' ? 'on this pull request' : 'this month'}${inProgress}, ` +
      `and this fast review cost ${formatUsd(fastUsd)}; the fast review is posted.`,
  };
};
