import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../domain/ledger-entry.js';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { groupCosts } from './group-costs.js';
import type { GroupKey } from './types.js';

let ids = 0;
const row = (overrides: Partial<LedgerRow>): LedgerRow => ({
  ...sampleEntry(overrides),
  id: (ids += 1),
});

const rows: LedgerRow[] = [
  row({
    repo: 'acme/web',
    tier: 'fast',
    costUsd: 0.1,
    deepCostUsd: 0.5,
    startedAt: '2026-11-03T10:00:00.000Z',
  }),
  row({
    repo: 'acme/api',
    tier: 'deep',
    costUsd: 0.7,
    deepCostUsd: 0.7,
    startedAt: '2026-11-30T23:59:59.999Z',
  }),
  row({
    repo: 'acme/api',
    tier: 'fast',
    costUsd: 0.2,
    deepCostUsd: 0.9,
    startedAt: '2026-12-01T00:00:00.000Z',
  }),
  row({
    repo: 'acme/api',
    tier: 'skip',
    costUsd: 0,
    deepCostUsd: 0.3,
    startedAt: '2026-10-15T00:00:00.000Z',
  }),
  row({
    repo: 'acme/web',
    tier: 'fast',
    costUsd: 0.2,
    deepCostUsd: 0.4,
    startedAt: '2026-11-20T00:00:00.000Z',
  }),
];

describe('groupCosts', () => {
  it.each<[readonly GroupKey[], object[]]>([
    [
      ['repo'],
      [
        {
          repo: 'acme/api',
          reviews: 3,
          costUsd: 0.9,
          deepCostUsd: 1.9,
          savedUsd: 1,
          avgCostUsd: 0.3,
        },
        {
          repo: 'acme/web',
          reviews: 2,
          costUsd: 0.3,
          deepCostUsd: 0.9,
          savedUsd: 0.6,
          avgCostUsd: 0.15,
        },
      ],
    ],
    [
      ['month'],
      [
        {
          month: '2026-10',
          reviews: 1,
          costUsd: 0,
          deepCostUsd: 0.3,
          savedUsd: 0.3,
          avgCostUsd: 0,
        },
        {
          month: '2026-11',
          reviews: 3,
          costUsd: 1,
          deepCostUsd: 1.6,
          savedUsd: 0.6,
          avgCostUsd: 0.333333333,
        },
        {
          month: '2026-12',
          reviews: 1,
          costUsd: 0.2,
          deepCostUsd: 0.9,
          savedUsd: 0.7,
          avgCostUsd: 0.2,
        },
      ],
    ],
    [
      ['tier'],
      [
        { tier: 'skip', reviews: 1, costUsd: 0, deepCostUsd: 0.3, savedUsd: 0.3, avgCostUsd: 0 },
        {
          tier: 'fast',
          reviews: 3,
          costUsd: 0.5,
          deepCostUsd: 1.8,
          savedUsd: 1.3,
          avgCostUsd: 0.166666667,
        },
        { tier: 'deep', reviews: 1, costUsd: 0.7, deepCostUsd: 0.7, savedUsd: 0, avgCostUsd: 0.7 },
      ],
    ],
    [
      ['month', 'repo'],
      [
        {
          month: '2026-10',
          repo: 'acme/api',
          reviews: 1,
          costUsd: 0,
          deepCostUsd: 0.3,
          savedUsd: 0.3,
          avgCostUsd: 0,
        },
        {
          month: '2026-11',
          repo: 'acme/api',
          reviews: 1,
          costUsd: 0.7,
          deepCostUsd: 0.7,
          savedUsd: 0,
          avgCostUsd: 0.7,
        },
        {
          month: '2026-11',
          repo: 'acme/web',
          reviews: 2,
          costUsd: 0.3,
          deepCostUsd: 0.9,
          savedUsd: 0.6,
          avgCostUsd: 0.15,
        },
        {
          month: '2026-12',
          repo: 'acme/api',
          reviews: 1,
          costUsd: 0.2,
          deepCostUsd: 0.9,
          savedUsd: 0.7,
          avgCostUsd: 0.2,
        },
      ],
    ],
    [[], [{ reviews: 5, costUsd: 1.2, deepCostUsd: 2.8, savedUsd: 1.6, avgCostUsd: 0.24 }]],
  ])('groups by %j with exact sums, sorted by the keys', (by, expected) => {
    expect(groupCosts(rows, by)).toEqual(expected);
  });

  it('puts the group keys first, in the order asked for', () => {
    expect(Object.keys(groupCosts(rows, ['tier', 'repo'])[0]!)).toEqual([
      'tier',
      'repo',
      'reviews',
      'costUsd',
      'deepCostUsd',
      'savedUsd',
      'avgCostUsd',
    ]);
  });

  it('groups by provider, with attempts that called no model first as null', () => {
    const openai = row({ tier: 'deep', provider: 'openai', costUsd: 0.4, deepCostUsd: 0.4 });
    const skipped = row({
      tier: 'skip',
      provider: null,
      model: null,
      costUsd: 0,
      deepCostUsd: 0.2,
    });
    const anthropic = row({ tier: 'fast', provider: 'anthropic', costUsd: 0.1, deepCostUsd: 0.3 });
    expect(groupCosts([openai, skipped, anthropic, openai], ['provider'])).toEqual([
      { provider: null, reviews: 1, costUsd: 0, deepCostUsd: 0.2, savedUsd: 0.2, avgCostUsd: 0 },
      {
        provider: 'anthropic',
        reviews: 1,
        costUsd: 0.1,
        deepCostUsd: 0.3,
        savedUsd: 0.2,
        avgCostUsd: 0.1,
      },
      {
        provider: 'openai',
        reviews: 2,
        costUsd: 0.8,
        deepCostUsd: 0.8,
        savedUsd: 0,
        avgCostUsd: 0.4,
      },
    ]);
  });

  it('puts a timestamp with an offset in its UTC month', () => {
    const late = row({ startedAt: '2026-12-01T00:30:00+01:00' });
    expect(groupCosts([late], ['month'])[0]?.month).toBe('2026-11');
  });

  it('counts an escalated fast attempt as extra spend, not as a saving', () => {
    const escalated = row({ tier: 'fast', outcome: 'escalated', costUsd: 0.02, deepCostUsd: 0.5 });
    const deep = row({ tier: 'deep', outcome: 'posted', costUsd: 0.5, deepCostUsd: 0.5 });
    expect(groupCosts([escalated, deep], [])[0]?.savedUsd).toBe(-0.02);
  });

  it('returns no groups for no rows', () => {
    expect(groupCosts([], ['repo'])).toEqual([]);
  });
});
