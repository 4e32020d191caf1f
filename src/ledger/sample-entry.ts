/** Test helpers: one complete ledger entry, and one review key, with fields replaced as a test needs. */
import type { LedgerEntry } from '../domain/ledger-entry.js';
import type { ReviewKey } from './types.js';

export const sampleEntry = (overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  deliveryId: 'd-1',
  installationId: 4_294_967_297,
  repo: 'acme/api',
  pr: 42,
  headSha: 'a'.repeat(40),
  trigger: 'synchronize',
  tier: 'deep',
  provider: 'anthropic',
  model: 'claude-opus-4-6',
  inputTokens: 12_345,
  cachedInputTokens: 50_000,
  cacheWriteTokens: 3_000,
  cacheWrite5mTokens: 2_000,
  cacheWrite1hTokens: 1_000,
  outputTokens: 2_222,
  reasoningTokens: 1_111,
  inferenceGeo: 'us',
  serviceTier: null,
  batch: false,
  discount: null,
  costUsd: 0.123456789,
  deepCostUsd: 0.987654321,
  cacheSavedUsd: 0,
  priceVersion: '2026-09',
  outcome: 'posted',
  riskScore: 0.64,
  riskLevel: 'high',
  size: 'L',
  reason: 'risk high: touches authentication code',
  error: null,
  startedAt: '2026-11-21T10:00:00.000Z',
  finishedAt: '2026-11-21T10:01:30.250Z',
  ...overrides,
});

export const sampleKey = (overrides: Partial<ReviewKey> = {}): ReviewKey => ({
  repo: 'acme/api',
  pr: 42,
  headSha: 'a'.repeat(40),
  tier: 'fast',
  ...overrides,
});
