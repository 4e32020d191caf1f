import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { ModelSpec, Policy } from '../domain/policy.js';
import type { PullRequestFacts, RouteTier } from '../domain/review-job.js';

/** This month's recorded spend for the repository and what the review about to run would cost. */
export interface BudgetState {
  readonly monthSpendUsd: number;
  readonly estimateUsd: { readonly fast: number; readonly deep: number };
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
  /** What decided: 'enabled', 'skip.drafts', 'forced', 'routing.rules[1]', 'routing.default', 'budget.monthly_usd', ... */
  readonly rule: string;
  /** Set when a budget changed the tier, in plain words with the month's spend; else null. */
  readonly budgetNote: string | null;
}

/** A decision before the budget and the model are applied. */
export interface TierChoice {
  readonly tier: RouteTier;
  readonly reason: string;
  readonly rule: string;
}
