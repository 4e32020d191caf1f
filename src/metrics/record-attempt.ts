/** What one ledger entry adds to the counters: call it once per `ledger.record(entry)`. */
import type { LedgerEntry } from '../domain/ledger-entry.js';
import type { Metrics, TokenKind } from './types.js';

const tokensOf = (entry: LedgerEntry): ReadonlyArray<readonly [TokenKind, number]> => [
  ['input', entry.inputTokens],
  ['cached_input', entry.cachedInputTokens],
  ['cache_write', entry.cacheWriteTokens],
  ['output', entry.outputTokens],
  ['reasoning', entry.reasoningTokens],
];

export const recordAttempt = (metrics: Metrics, entry: LedgerEntry): void => {
  metrics.reviews.inc({ tier: entry.tier, outcome: entry.outcome });
  // A skipped pull request called no model: it has no provider, no tokens and no cost.
  if (entry.provider === null || entry.model === null) return;
  const model = { provider: entry.provider, model: entry.model };
  for (const [kind, count] of tokensOf(entry)) {
    if (count > 0) metrics.tokens.inc({ ...model, kind }, count);
  }
  if (entry.costUsd > 0) metrics.costUsd.inc({ tier: entry.tier, ...model }, entry.costUsd);
};
