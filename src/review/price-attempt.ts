import type { Tier } from '../domain/review-job.js';
import type { ProviderId } from '../domain/policy.js';
import { countsLike, type Discount, type Usage } from '../domain/usage.js';
import { errorMessage } from '../domain/errors.js';
import type { Log } from '../domain/log.js';
import type { PriceTable } from '../ledger/price-table.js';
import { estimateCostUsd, priceUsage } from '../ledger/price-usage.js';

export interface PricedAttempt {
  readonly costUsd: number;
  readonly deepCostUsd: number;
  readonly priceVersion: string | null;
  /** Set when the usage could not be priced: the tokens are still recorded, at $0, with this error. */
  readonly priceError: string | null;
}

export interface PriceAttemptOptions {
  readonly prices: PriceTable;
  readonly tier: Tier;
  readonly model: string;
  /** The policy's deep model: what the same prompt would have cost there. */
  readonly deepModel: string;
  /** The deep model's provider; absent: the provider of its `models` row. */
  readonly deepProvider?: ProviderId;
  /** The discount billed (a batch request); absent: what the usage's service tier says. */
  readonly discount?: Discount | null;
  readonly usage: Usage | null;
  readonly log: Log;
}

/** Every prompt token the provider read, however it was billed. */
export const promptTokens = (usage: Usage): number =>
  countsLike(usage.provider) === 'openai'
    ? usage.inputTokens
    : usage.inputTokens + usage.cachedInputTokens + usage.cacheWriteTokens;

/**
 * What one attempt cost, and what the same prompt would have cost on the deep tier. Never throws:
 * the model has answered and been paid, and a retry would pay again.
 */
export const priceAttempt = (options: PriceAttemptOptions): PricedAttempt => {
  const { prices, usage } = options;
  if (usage === null) return { costUsd: 0, deepCostUsd: 0, priceVersion: null, priceError: null };
  const priced = priceUsage(
    prices,
    options.model,
    usage,
    options.discount === undefined ? {} : { discount: options.discount },
  );
  if (!priced.ok) {
    options.log.error({ model: options.model, error: priced.error }, 'cannot price this usage');
    return {
      costUsd: 0,
      deepCostUsd: 0,
      priceVersion: null,
      priceError: `unpriced: ${priced.error}`,
    };
  }
  return {
    costUsd: priced.value.costUsd,
    deepCostUsd:
      options.tier === 'deep'
        ? priced.value.costUsd
        : deepEstimate(options, usage, priced.value.costUsd),
    priceVersion: priced.value.version,
    priceError: null,
  };
};

/**
 * What the same prompt would have cost on the deep model. The attempt's own cost when the deep
 * model cannot be priced (its tier was checked before the call, so that is a bug, logged): no
 * saving is claimed rather than the attempt lost.
 */
const deepEstimate = (options: PriceAttemptOptions, usage: Usage, costUsd: number): number => {
  try {
    return estimateCostUsd(
      options.prices,
      options.deepModel,
      { inputTokens: promptTokens(usage), outputTokens: usage.outputTokens },
      {
        ...(options.deepProvider === undefined ? {} : { provider: options.deepProvider }),
        // A batch review would have gone through the deep provider's batch API too.
        ...(options.discount === 'batch' ? { discount: 'batch' as const } : {}),
      },
    );
  } catch (error) {
    options.log.error(
      { model: options.deepModel, error: errorMessage(error) },
      'cannot price the deep estimate: no saving claimed',
    );
    return costUsd;
  }
};
