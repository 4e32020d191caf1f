/** A ledger row as `costs --format json` prints it: the documented fields in order, then extras. */
import type { LedgerRow } from '../domain/ledger-entry.js';
import type { CostRecord } from './types.js';

export const toCostRecord = (row: LedgerRow): CostRecord => ({
  deliveryId: row.deliveryId,
  repo: row.repo,
  pr: row.pr,
  headSha: row.headSha,
  trigger: row.trigger,
  tier: row.tier,
  provider: row.provider,
  model: row.model,
  inputTokens: row.inputTokens,
  cachedInputTokens: row.cachedInputTokens,
  cacheWriteTokens: row.cacheWriteTokens,
  outputTokens: row.outputTokens,
  reasoningTokens: row.reasoningTokens,
  costUsd: row.costUsd,
  deepCostUsd: row.deepCostUsd,
  outcome: row.outcome,
  riskLevel: row.riskLevel,
  size: row.size,
  reason: row.reason,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  riskScore: row.riskScore,
  cacheWrite5mTokens: row.cacheWrite5mTokens,
  cacheWrite1hTokens: row.cacheWrite1hTokens,
  inferenceGeo: row.inferenceGeo,
  priceVersion: row.priceVersion,
  error: row.error,
  installationId: row.installationId,
});
