import type { Classification } from '../domain/classification.js';
import type { LedgerEntry, Outcome } from '../domain/ledger-entry.js';
import type { ProviderId } from '../domain/policy.js';
import type { ReviewJob, RouteTier } from '../domain/review-job.js';
import { repoFullName } from '../domain/review-job.js';
import { discountOf, type Discount, type Usage } from '../domain/usage.js';

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
}

/** One ledger row for one attempt; usage fields are stored exactly as the provider reported them. */
export const buildLedgerEntry = (options: LedgerEntryOptions): LedgerEntry => {
  const usage = options.usage ?? null;
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
    discount:
      options.discount !== undefined
        ? options.discount
        : options.batch === true
          ? 'batch'
          : discountOf(usage),
    costUsd: options.costUsd ?? 0,
    deepCostUsd: options.deepCostUsd ?? 0,
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
