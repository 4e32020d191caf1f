import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../domain/ledger-entry.js';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { mostExpensiveReviews } from './most-expensive-reviews.js';

const row = (id: number, costUsd: number, startedAt: string): LedgerRow => ({
  ...sampleEntry({ costUsd, startedAt }),
  id,
});

describe('mostExpensiveReviews', () => {
  const rows = [
    row(1, 0.02, '2026-11-01T00:00:00.000Z'),
    row(2, 0.5, '2026-11-02T00:00:00.000Z'),
    row(3, 0.02, '2026-11-03T00:00:00.000Z'),
    row(4, 0, '2026-11-04T00:00:00.000Z'),
  ];

  it('orders by cost, newest first among equal costs', () => {
    expect(mostExpensiveReviews(rows, 10).map((r) => r.id)).toEqual([2, 3, 1, 4]);
  });

  it('keeps only the first rows up to the limit', () => {
    expect(mostExpensiveReviews(rows, 2).map((r) => r.id)).toEqual([2, 3]);
  });

  it('leaves the input in its order', () => {
    mostExpensiveReviews(rows, 10);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });
});
