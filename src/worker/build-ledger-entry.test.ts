import { describe, expect, it } from 'vitest';
import { emptyUsage } from '../domain/usage.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { reviewJob } from '../queue/test-review-job.js';
import { buildLedgerEntry } from './build-ledger-entry.js';

const prices = loadPriceTable();
const job = reviewJob(7, 'a'.repeat(40));
// A deep review whose repair read 100,000 tokens of context from cache: $5 - $0.50 per million saved.
const cachedRepair = {
  job,
  startedAt: '2026-11-21T10:00:00.000Z',
  finishedAt: '2026-11-21T10:01:00.000Z',
  classification: null,
  tier: 'deep',
  outcome: 'posted',
  reason: 'risk high',
  provider: 'anthropic',
  model: 'claude-opus-4-6',
  usage: { ...emptyUsage('anthropic'), inputTokens: 2_000, cachedInputTokens: 100_000 },
  costUsd: 0.06,
  priceVersion: prices.version,
} as const;

describe('buildLedgerEntry', () => {
  it('records what caching saved, priced with the same table', () => {
    expect(buildLedgerEntry({ ...cachedRepair, prices }).cacheSavedUsd).toBeCloseTo(0.45, 9);
  });

  it('halves it for a batch row, as its cost was halved', () => {
    const entry = buildLedgerEntry({ ...cachedRepair, prices, batch: true });
    expect(entry.discount).toBe('batch');
    expect(entry.cacheSavedUsd).toBeCloseTo(0.225, 9);
  });

  it('records 0 for an attempt that could not be priced, or without a price table', () => {
    expect(buildLedgerEntry({ ...cachedRepair, prices, priceVersion: null }).cacheSavedUsd).toBe(0);
    expect(buildLedgerEntry(cachedRepair).cacheSavedUsd).toBe(0);
  });
});
