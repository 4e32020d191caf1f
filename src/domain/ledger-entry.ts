/** One row per review attempt: who, what, which model, tokens, dollars (docs/architecture.md). */
import type { RiskLevel, SizeClass } from './classification.js';
import type { ProviderId } from './policy.js';
import type { Discount } from './usage.js';
import type { RouteTier, Trigger } from './review-job.js';

export type Outcome = 'posted' | 'skipped' | 'failed' | 'superseded' | 'escalated';
export const OUTCOMES: readonly Outcome[] = [
  'posted',
  'skipped',
  'failed',
  'superseded',
  'escalated',
];

export interface LedgerEntry {
  readonly deliveryId: string;
  readonly installationId: number;
  /** owner/name */
  readonly repo: string;
  readonly pr: number;
  readonly headSha: string;
  readonly trigger: Trigger;
  readonly tier: RouteTier;
  readonly provider: ProviderId | null;
  readonly model: string | null;
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly cacheWriteTokens: number;
  readonly cacheWrite5mTokens: number;
  readonly cacheWrite1hTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  readonly inferenceGeo: string | null;
  /** The service tier the provider says served the request (`default`, `flex`, `standard`...). */
  readonly serviceTier: string | null;
  /** Sent through a provider's batch API. */
  readonly batch: boolean;
  /** The discount the cost was priced with: null (none), `flex` or `batch`. */
  readonly discount: Discount | null;
  readonly costUsd: number;
  /** What the same prompt would have cost on the deep tier. */
  readonly deepCostUsd: number;
  /**
   * What prompt caching saved on this attempt (negative: what its cache writes cost more than
   * they saved): the same usage priced with every cached or cache-written token as plain input,
   * less `costUsd`.
   */
  readonly cacheSavedUsd: number;
  readonly priceVersion: string | null;
  readonly outcome: Outcome;
  readonly riskScore: number | null;
  readonly riskLevel: RiskLevel | null;
  readonly size: SizeClass | null;
  readonly reason: string;
  readonly error: string | null;
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** A stored entry, with the store's id. */
export interface LedgerRow extends LedgerEntry {
  readonly id: number;
}
