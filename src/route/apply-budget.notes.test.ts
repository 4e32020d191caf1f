import { describe, expect, it } from 'vitest';
import type { Policy } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';
import { applyBudget } from './apply-budget.js';
import { choice, over, trimmed, withBudget } from './test-budget-choice.js';
import { testBudgetState as state } from './test-route-input.js';
import type { BudgetState } from './types.js';

describe('applyBudget', () => {
  it.each<[string, RouteTier, Partial<Policy['budget']>, BudgetState, string]>([
    [
      'a deep review on the fast tier',
      'deep',
      { monthly_usd: 50 },
      state({ spent: 49.2 }),
      'monthly budget $50.00: $49.20 spent this month; a deep review (~$1.40) would pass it, so this review runs on the fast tier',
    ],
    [
      'the reviews in progress it counted',
      'deep',
      { monthly_usd: 50 },
      state({ spent: 47, reserved: 2.2 }),
      'monthly budget $50.00: $47.00 spent this month and $2.20 held by reviews in progress; a deep review (~$1.40) would pass it, so this review runs on the fast tier',
    ],
    [
      'a skip because fast passes too',
      'deep',
      { monthly_usd: 50 },
      state({ spent: 49.9 }),
      'monthly budget $50.00: $49.90 spent this month; a deep review (~$1.40) would pass it, and so would a fast one (~$0.20), so this review is skipped',
    ],
    [
      'a skip by when_exceeded',
      'deep',
      { monthly_usd: 50, when_exceeded: 'skip' },
      state({ spent: 49.2 }),
      'monthly budget $50.00: $49.20 spent this month; a deep review (~$1.40) would pass it, so this review is skipped (when_exceeded: skip)',
    ],
    [
      'an org downgrade, naming the owner',
      'deep',
      { org_monthly_usd: 500 },
      state({ orgSpent: 499.1 }),
      'organisation budget $500.00: $499.10 spent this month across acme; a deep review (~$1.40) would pass it, so this review runs on the fast tier',
    ],
    [
      'an org skip with reviews in progress',
      'fast',
      { org_monthly_usd: 500, when_exceeded: 'skip' },
      state({ orgSpent: 499, orgReserved: 0.9 }),
      'organisation budget $500.00: $499.00 spent this month across acme and $0.90 held by reviews in progress; a fast review (~$0.20) would pass it, so this review is skipped (when_exceeded: skip)',
    ],
    [
      'both caps when each changes the tier',
      'deep',
      { monthly_usd: 50, org_monthly_usd: 500 },
      state({ spent: 49.2, orgSpent: 499.9 }),
      'monthly budget $50.00: $49.20 spent this month; a deep review (~$1.40) would pass it, so this review runs on the fast tier; organisation budget $500.00: $499.90 spent this month across acme; a fast review (~$0.20) would pass it, so this review is skipped',
    ],
    [
      'a trimmed review',
      'deep',
      { per_review_usd: 1 },
      state({ deep: trimmed(0.95, 1.4) }),
      'per-review budget $1.00: this deep review leaves out its least risky files to stay within it (~$0.95; ~$1.40 with every file)',
    ],
    [
      'a per-review downgrade',
      'deep',
      { per_review_usd: 0.1 },
      state({ spent: 3, deep: over(0.25), fast: 0.05 }),
      'per-review budget $0.10: a deep review would pass it even with only its most risky file (~$0.25), so this review runs on the fast tier',
    ],
    [
      'a per-review downgrade to a trimmed fast review',
      'deep',
      { per_review_usd: 0.1 },
      state({ deep: over(0.25), fast: trimmed(0.09, 0.3) }),
      'per-review budget $0.10: a deep review would pass it even with only its most risky file (~$0.25), so this review runs on the fast tier; per-review budget $0.10: this fast review leaves out its least risky files to stay within it (~$0.09; ~$0.30 with every file)',
    ],
    [
      'a per-review skip',
      'fast',
      { per_review_usd: 0.01 },
      state({ fast: over(0.05) }),
      'per-review budget $0.01: a fast review would pass it even with only its most risky file (~$0.05), so this review is skipped',
    ],
    [
      'a per-review skip of a deep review',
      'deep',
      { per_review_usd: 0.01 },
      state({ deep: over(0.25), fast: over(0.05) }),
      'per-review budget $0.01: a deep review would pass it even with only its most risky file (~$0.25), and so would a fast one, so this review is skipped',
    ],
  ])('says in plain words %s', (_case, tier, budget, budgetState, note) => {
    expect(applyBudget(choice(tier), withBudget(budget), budgetState).budgetNote).toBe(note);
  });

  it('keeps the routing reason and adds the budget to it', () => {
    const { choice: result } = applyBudget(
      choice('deep'),
      withBudget({ monthly_usd: 50 }),
      state({ spent: 49.2 }),
    );
    expect(result.reason).toBe(
      'risk high: touches src/auth/; the monthly budget would be passed, so fast tier instead',
    );
  });

  it('names the organisation budget in the reason when it decides', () => {
    const { choice: result } = applyBudget(
      choice('deep'),
      withBudget({ org_monthly_usd: 500, when_exceeded: 'skip' }),
      state({ orgSpent: 499.9 }),
    );
    expect(result.reason).toBe(
      "risk high: touches src/auth/; the organisation's monthly budget would be passed, so no review",
    );
  });

  it('leaves the reason alone when it only trims', () => {
    const { choice: result } = applyBudget(
      choice('deep'),
      withBudget({ per_review_usd: 1 }),
      state({ deep: trimmed(0.95, 1.4) }),
    );
    expect(result).toEqual(choice('deep'));
  });

  it('applies no cap when the budget state is unknown', () => {
    expect(
      applyBudget(
        choice('deep'),
        withBudget({ monthly_usd: 0, org_monthly_usd: 0, per_review_usd: 0 }),
        null,
      ),
    ).toEqual({
      choice: choice('deep'),
      budgetNote: null,
    });
  });
});
