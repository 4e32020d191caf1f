import type { Log } from '../domain/log.js';
import type { ProviderId } from '../domain/policy.js';
import type { Usage } from '../domain/usage.js';
import type { PendingBatch } from '../ledger/types.js';
import { priceAttempt } from '../review/price-attempt.js';
import type { SpentBatch } from './batch-outcomes.js';
import type { WorkerDeps } from './types.js';

/** What a batch's usage cost at the batch discount (half the table's price); nothing without usage. */
export const priceBatch = (
  pending: Pick<PendingBatch, 'tier' | 'model'>,
  usage: Usage | null,
  deps: Pick<WorkerDeps, 'prices'> & {
    readonly deep?: { readonly model: string; readonly provider: ProviderId };
  },
  log: Log,
): SpentBatch & { readonly priceError: string | null } => {
  // A fast row's deep estimate needs the policy's deep model; without it, no saving is claimed.
  const priced = priceAttempt({
    prices: deps.prices,
    tier: pending.tier,
    model: pending.model,
    deepModel: deps.deep?.model ?? pending.model,
    ...(deps.deep === undefined ? {} : { deepProvider: deps.deep.provider }),
    usage,
    log,
    discount: 'batch',
  });
  return {
    usage,
    costUsd: priced.costUsd,
    deepCostUsd: priced.deepCostUsd,
    priceVersion: priced.priceVersion,
    priceError: priced.priceError,
  };
};
