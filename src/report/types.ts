/** What the cost reports return: plain, serialisable values. */
import type { LedgerEntry } from '../domain/ledger-entry.js';
import type { ProviderId } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';

/** One `costs --format json` object: the documented fields first, then the ledger's extras. */
export type CostRecord = Pick<
  LedgerEntry,
  | 'deliveryId'
  | 'repo'
  | 'pr'
  | 'headSha'
  | 'trigger'
  | 'tier'
  | 'provider'
  | 'model'
  | 'inputTokens'
  | 'cachedInputTokens'
  | 'cacheWriteTokens'
  | 'outputTokens'
  | 'reasoningTokens'
  | 'costUsd'
  | 'deepCostUsd'
  | 'outcome'
  | 'riskLevel'
  | 'size'
  | 'reason'
  | 'startedAt'
  | 'finishedAt'
  | 'riskScore'
  | 'cacheWrite5mTokens'
  | 'cacheWrite1hTokens'
  | 'inferenceGeo'
  | 'priceVersion'
  | 'error'
  | 'installationId'
  | 'serviceTier'
  | 'batch'
  | 'discount'
  | 'cacheSavedUsd'
>;

/**
 * `month` is the UTC calendar month (`YYYY-MM`) of startedAt; `provider` is null for attempts
 * that called no model.
 */
export type GroupKey = 'repo' | 'month' | 'tier' | 'provider';
export const GROUP_KEYS: readonly GroupKey[] = ['repo', 'month', 'tier', 'provider'];

export interface CostTotals {
  /** Review attempts, whatever their outcome. */
  readonly reviews: number;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  /** What routing saved against sending everything to the deep tier (see saved-usd.ts). */
  readonly savedUsd: number;
}

export interface CostGroup extends CostTotals {
  readonly repo?: string;
  readonly month?: string;
  readonly tier?: RouteTier;
  readonly provider?: ProviderId | null;
  readonly avgCostUsd: number;
}

export interface RepoCost extends CostTotals {
  readonly repo: string;
}

export interface ProviderCost extends CostTotals {
  /** null for attempts that called no model. */
  readonly provider: ProviderId | null;
}

export interface DayCost {
  /** UTC `YYYY-MM-DD` of startedAt. */
  readonly day: string;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  /** What routing saved that day, counted as the totals count it (an escalation saves nothing). */
  readonly savedUsd: number;
  readonly byTier: { readonly fast: number; readonly deep: number };
}

/** `GET /reports/costs`. */
export interface CostSummary {
  readonly totalCostUsd: number;
  readonly totalDeepCostUsd: number;
  readonly savedUsd: number;
  readonly reviews: number;
  readonly byRepo: readonly RepoCost[];
  readonly byDay: readonly DayCost[];
  /** Most spent first, then by name; attempts that called no model last. */
  readonly byProvider: readonly ProviderCost[];
}

export type CostFormat = 'table' | 'json' | 'csv';
export const COST_FORMATS: readonly CostFormat[] = ['table', 'json', 'csv'];
