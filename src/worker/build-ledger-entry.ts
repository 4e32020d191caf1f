import type { Classification } from '../domain/classification.js';
import type { LedgerEntry, Outcome } from '../domain/ledger-entry.js';
import type { ProviderId } from '../domain/policy.js';
import type { ReviewJob, RouteTier } from '../domain/review-job.js';
import { repoFullName } from '../domain/review-job.js';
import { discountOf, type Discount, type Usage } from '../domain/usage.js';
import type { PriceTable } from '../ledger/price-table.js';
import { cacheSavingsUsd } from '../ledger/price-usage.js';

export interface LedgerEntryOptions {
  readonly job: ReviewJob;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly classification: Classification | null;
  readonly tier: RouteTier;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly provider?: ProviderId | null;
  readonly model?: string | null;
  readonly usage?: Usage | null;
  readonly costUsd?: number;
  readonly deepCostUsd?: number;
  readonly priceVersion?: string | null;
  readonly error?: string | null;
  /** Sent through a provider's batch API; default false. */
  readonly batch?: boolean;
  /** The discount the cost was priced with; default: `batch` for a batch row, else what the usage's service tier says. */
  readonly discount?: Discount | null;
  /** The price table the attempt was priced with: what caching saved is priced with it too. */
  readonly prices?: PriceTable;
}

/** What caching saved on a priced attempt; 0 without usage, or for an attempt that could not be priced. */
const measureCacheSavings = (
  options: LedgerEntryOptions,
  usage: Usage | null,
  discount: Discount | null,
): number => {
  const { prices, model } = options;
  if (prices === undefined || usage === null || !model || options.priceVersion == null) return 0;
  const saved = cacheSavingsUsd(prices, model, usage, { discount });
  return saved.ok ? saved.value : 0;
};

/** One ledger row for one attempt; usage fields are stored exactly as the provider reported them. */
export const buildLedgerEntry = (options: LedgerEntryOptions): LedgerEntry => {
  const usage = options.usage ?? null;
  const discount =
    options.discount !== undefined
      ? options.discount
      : options.batch === true
        ? 'batch'
        : discountOf(usage);
  return {
    deliveryId: options.job.deliveryId,
    installationId: options.job.installationId,
    repo: repoFullName(options.job),
    pr: options.job.pr,
    headSha: options.job.headSha,
    trigger: options.job.trigger,
    tier: options.tier,
    provider: options.provider ?? null,
    model: options.model ?? null,
    inputTokens: usage?.inputTokens ?? 0,
    cachedInputTokens: usage?.cachedInputTokens ?? 0,
    cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
    cacheWrite5mTokens: usage?.cacheWrite5mTokens ?? 0,
    cacheWrite1hTokens: usage?.cacheWrite1hTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    reasoningTokens: usage?.reasoningTokens ?? 0,
    inferenceGeo: usage?.inferenceGeo ?? null,
    serviceTier: usage?.serviceTier ?? null,
    batch: options.batch ?? false,
    discount,
    costUsd: options.costUsd ?? 0,
    deepCostUsd: options.deepCostUsd ?? 0,
    cacheSavedUsd: measureCacheSavings(options, usage, discount),
    priceVersion: options.priceVersion ?? null,
    outcome: options.outcome,
    riskScore: options.classification?.risk.score ?? null,
    riskLevel: options.classification?.risk.level ?? null,
    size: options.classification?.size ?? null,
    reason: options.reason,
    error: options.error ?? null,
    startedAt: options.startedAt,
    finishedAt: options.finishedAt,
  };
};
