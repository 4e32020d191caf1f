/**
 * What the ledger's report queries return: totals added up in the database. The shapes mirror
 * the cost reports' own (`report/types.ts`), so a report hands them on unchanged.
 */
import type { ProviderId } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';

/** `month` is the UTC calendar month (`YYYY-MM`) of startedAt. */
export type LedgerGroupKey = 'repo' | 'month' | 'tier' | 'provider';

export interface LedgerTotals {
  /** Review attempts, whatever their outcome. */
  readonly reviews: number;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  /** deepCostUsd - costUsd, except that an escalated attempt saved nothing: it cost extra. */
  readonly savedUsd: number;
}

/** One group of `aggregate`: its keys (only those asked for), its totals and the mean cost. */
export interface LedgerGroup extends LedgerTotals {
  readonly repo?: string;
  readonly month?: string;
  readonly tier?: RouteTier;
  /** null for attempts that called no model. */
  readonly provider?: ProviderId | null;
  /** costUsd / reviews, to the nano-dollar. */
  readonly avgCostUsd: number;
}

export interface LedgerRepoTotals extends LedgerTotals {
  readonly repo: string;
}

export interface LedgerProviderTotals extends LedgerTotals {
  /** null for attempts that called no model. */
  readonly provider: ProviderId | null;
}

export interface LedgerDayTotals {
  /** UTC `YYYY-MM-DD` of startedAt. */
  readonly day: string;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  /** What routing saved that day, counted as the totals count it (an escalation saves nothing). */
  readonly savedUsd: number;
  readonly byTier: { readonly fast: number; readonly deep: number };
}

/** The `GET /reports/costs` body, added up in the database. */
export interface LedgerSummary {
  readonly totalCostUsd: number;
  readonly totalDeepCostUsd: number;
  readonly savedUsd: number;
  readonly reviews: number;
  /** Most spent first, then by name. */
  readonly byRepo: readonly LedgerRepoTotals[];
  /** Oldest day first. */
  readonly byDay: readonly LedgerDayTotals[];
  /** Most spent first, then by name; attempts that called no model last. */
  readonly byProvider: readonly LedgerProviderTotals[];
}

export interface StreamOptions {
  /** Rows read per query (default 1,000): what the stream holds in memory at most. */
  readonly pageSize?: number;
}
