import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../domain/ledger-entry.js';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { summarizeCosts } from './summarize-costs.js';

let ids = 0;
const row = (overrides: Partial<LedgerRow>): LedgerRow => ({
  ...sampleEntry(overrides),
  id: (ids += 1),
});

describe('summarizeCosts', () => {
  it('totals spend, deep-tier cost and savings per repository and per UTC day', () => {
    const summary = summarizeCosts([
      row({
        repo: 'acme/web',
        tier: 'fast',
        costUsd: 0.1,
        deepCostUsd: 0.5,
        startedAt: '2026-11-02T09:00:00.000Z',
      }),
      row({
        repo: 'acme/api',
        tier: 'deep',
        costUsd: 0.7,
        deepCostUsd: 0.7,
        startedAt: '2026-11-01T23:00:00.000Z',
      }),
      row({
        repo: 'acme/api',
        tier: 'fast',
        costUsd: 0.2,
        deepCostUsd: 0.9,
        startedAt: '2026-11-01T08:00:00.000Z',
      }),
      row({
        repo: 'acme/web',
        tier: 'skip',
        outcome: 'skipped',
        costUsd: 0,
        deepCostUsd: 0.3,
        startedAt: '2026-11-02T01:00:00+02:00',
      }),
    ]);
    expect(summary).toEqual({
      totalCostUsd: 1,
      totalDeepCostUsd: 2.4,
      savedUsd: 1.4,
      reviews: 4,
      byRepo: [
        { repo: 'acme/api', reviews: 2, costUsd: 0.9, deepCostUsd: 1.6, savedUsd: 0.7 },
        { repo: 'acme/web', reviews: 2, costUsd: 0.1, deepCostUsd: 0.8, savedUsd: 0.7 },
      ],
      byDay: [
        {
          day: '2026-11-01',
          costUsd: 0.9,
          deepCostUsd: 1.9,
          savedUsd: 1,
          byTier: { fast: 0.2, deep: 0.7 },
        },
        {
          day: '2026-11-02',
          costUsd: 0.1,
          deepCostUsd: 0.5,
          savedUsd: 0.4,
          byTier: { fast: 0.1, deep: 0 },
        },
      ],
      byProvider: [
        { provider: 'anthropic', reviews: 4, costUsd: 1, deepCostUsd: 2.4, savedUsd: 1.4 },
      ],
    });
  });

  it("gives each day the saving the totals count: an escalated attempt's all-deep price is not one", () => {
    const day = '2026-11-03T09:00:00.000Z';
    const summary = summarizeCosts([
      row({ tier: 'fast', outcome: 'escalated', costUsd: 0.05, deepCostUsd: 0.5, startedAt: day }),
      row({ tier: 'deep', outcome: 'posted', costUsd: 0.5, deepCostUsd: 0.5, startedAt: day }),
    ]);
    expect(summary.savedUsd).toBe(-0.05);
    expect(summary.byDay).toEqual([
      expect.objectContaining({
        day: '2026-11-03',
        costUsd: 0.55,
        deepCostUsd: 1,
        savedUsd: -0.05,
      }),
    ]);
  });

  it('adds a thousand tenth-of-a-cent reviews to exactly one dollar', () => {
    const rows = Array.from({ length: 1000 }, () => row({ costUsd: 0.001, deepCostUsd: 0.003 }));
    expect(summarizeCosts(rows)).toMatchObject({
      totalCostUsd: 1,
      totalDeepCostUsd: 3,
      savedUsd: 2,
    });
  });

  it('orders repositories by spend, then by name', () => {
    const summary = summarizeCosts([
      row({ repo: 'b/b', costUsd: 1 }),
      row({ repo: 'a/a', costUsd: 1 }),
      row({ repo: 'c/c', costUsd: 2 }),
    ]);
    expect(summary.byRepo.map((repo) => repo.repo)).toEqual(['c/c', 'a/a', 'b/b']);
  });

  it('reports zeros and empty lists for no rows', () => {
    expect(summarizeCosts([])).toEqual({
      totalCostUsd: 0,
      totalDeepCostUsd: 0,
      savedUsd: 0,
      reviews: 0,
      byRepo: [],
      byDay: [],
      byProvider: [],
    });
  });
});
