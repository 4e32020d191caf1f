/** The fields of one `costs --format json` object, and its CSV columns, in toCostRecord's order. */
import type { CostRecord } from './types.js';

/** The CSV header, even of an empty ledger. */
export const COST_RECORD_COLUMNS = [
  'deliveryId',
  'repo',
  'pr',
  'headSha',
  'trigger',
  'tier',
  'provider',
  'model',
  'inputTokens',
  'cachedInputTokens',
  'cacheWriteTokens',
  'outputTokens',
  'reasoningTokens',
  'costUsd',
  'deepCostUsd',
  'outcome',
  'riskLevel',
  'size',
  'reason',
  'startedAt',
  'finishedAt',
  'riskScore',
  'cacheWrite5mTokens',
  'cacheWrite1hTokens',
  'inferenceGeo',
  'priceVersion',
  'error',
  'installationId',
] as const satisfies readonly (keyof CostRecord)[];
