import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { ModelSpec, Policy } from '../domain/policy.js';
import type { PullRequestFacts, RouteTier } from '../domain/review-job.js';

/** One budget scope's calendar month: recorded spend, and what reviews in progress hold. */
export interface MonthSpend {
  readonly spentUsd: number;
  /** Reservations of reviews running now, so that two racing reviews cannot both pass a cap. */
  readonly reservedUsd: number;
}

/**
 * How a review on one tier fits `budget.per_review_usd`: with every file, with its least risky
 * files left out, or not even with only its most risky file.
 */
export type PerReviewFit =
  { readonly kind: 'whole' } | { readonly kind: 'trimmed' } | { readonly kind: 'over' };

export interface TierEstimate {
  /** The estimate of the prompt this tier would be sent: after trimming, when it was trimmed. */
  readonly usd: number;
  /** The estimate with every file that fits the token limit. */
  readonly wholeUsd: number;
  readonly fit: PerReviewFit;
}

/** What the budget caps are checked against; a null month is unknown, and its cap is not applied. */
export interface BudgetState {
  readonly repo: MonthSpend | null;
  /** Summed over every repository of `owner`. */
  readonly org: (MonthSpend & { readonly owner: string }) | null;
  /** The pull request's spend over its whole life (every push and command), and what is held. */
  readonly pull?: MonthSpend | null;
  readonly estimate: { readonly fast: TierEstimate; readonly deep: TierEstimate };
}

export interface RouteInput {
  readonly policy: Policy;
  readonly classification: Classification;
  readonly diff: DiffModel;
  readonly pr: PullRequestFacts;
  /** From a command (`/review deep`): overrides routing rules, not `enabled` or skip rules. */
  readonly forcedTier: RouteTier | null;
  /** Null when no budget is known (offline): budget caps are not applied. */
  readonly budget: BudgetState | null;
}

export interface RouteDecision {
  readonly tier: RouteTier;
  /** `policy.models[tier]`; null when the tier is skip. */
  readonly model: ModelSpec | null;
  /** One line a reader understands, naming the cause: "risk high: touches authentication code in src/auth/". */
  readonly reason: string;
  /** What decided: 'enabled', 'skip.drafts', 'forced', 'routing.rules[1]', 'routing.default', 'budget.monthly_usd', 'budget.org_monthly_usd', ... */
  readonly rule: string;
  /**
   * Set when a budget changed the tier or left files out, in plain words with the month's spend;
   * else null.
   */
  readonly budgetNote: string | null;
  /**
   * `batch` when the rule that decided says `mode: batch` (the review goes through the provider's
   * batch API and is posted when it completes); `now` (or absent) otherwise, and for a skip.
   */
  readonly mode?: ReviewMode;
}

export type ReviewMode = 'now' | 'batch';

/** A decision before the budget and the model are applied. */
export interface TierChoice {
  readonly tier: RouteTier;
  readonly reason: string;
  readonly rule: string;
  /** Set by a routing rule with `mode: batch`. */
  readonly mode?: ReviewMode;
}
