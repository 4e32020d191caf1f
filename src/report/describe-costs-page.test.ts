import { describe, expect, it } from 'vitest';
import { describeCostsPage } from './describe-costs-page.js';

const totals = (reviews: number) => ({
  reviews,
  costUsd: 12.5,
  deepCostUsd: 40.25,
  savedUsd: 27.75,
});

describe('describeCostsPage', () => {
  it('gives the total of every attempt when the table shows them all', () => {
    expect(describeCostsPage(3, totals(3))).toBe(
      'total of 3 attempts: $12.5000 spent, $40.2500 all on deep, $27.7500 saved',
    );
    expect(describeCostsPage(1, totals(1))).toMatch(/^total of 1 attempt:/);
  });

  it('says how many of the matching attempts the page shows, and how to see the rest', () => {
    expect(describeCostsPage(50, totals(1_000_000))).toBe(
      'newest 50 of 1,000,000 attempts shown (--limit N shows more; --format csv or json lists them all); total: $12.5000 spent, $40.2500 all on deep, $27.7500 saved',
    );
  });
});
