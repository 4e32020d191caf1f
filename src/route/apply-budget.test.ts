import { describe, expect, it } from 'vitest';
import { testPolicy } from '../classify/test-policy.js';
import type { Policy } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';
import { applyBudget } from './apply-budget.js';
import type { BudgetState } from './types.js';

const withBudget = (budget: Partial<Policy['budget']>): Policy => ({
  ...testPolicy,
  budget: { ...testPolicy.budget, ...budget },
});
const state = (monthSpendUsd: number, deep = 1.4, fast = 0.2): BudgetState => ({
  monthSpendUsd,
  estimateUsd: { fast, deep },
});
const choice = (tier: RouteTier) => ({
  tier,
  reason: 'risk high: touches src/auth/',
  rule: 'routing.rules[1]',
});

describe('applyBudget', () => {
  it.each<[string, RouteTier, Partial<Policy['budget']>, BudgetState, RouteTier, string | null]>([
    ['no cap', 'deep', {}, state(1000), 'deep', null],
    ['under the monthly cap', 'deep', { monthly_usd: 50 }, state(10), 'deep', null],
    ['exactly at the monthly cap', 'deep', { monthly_usd: 50 }, state(48.6), 'deep', null],
    [
      'a deep review passing the cap, fast fits',
      'deep',
      { monthly_usd: 50 },
      state(49.2),
      'fast',
      'budget.monthly_usd',
    ],
    [
      'a deep review passing the cap, fast passes too',
      'deep',
      { monthly_usd: 50 },
      state(49.9),
      'skip',
      'budget.monthly_usd',
    ],
    [
      'a fast review passing the cap',
      'fast',
      { monthly_usd: 50 },
      state(49.9),
      'skip',
      'budget.monthly_usd',
    ],
    [
      'when_exceeded skip',
      'deep',
      { monthly_usd: 50, when_exceeded: 'skip' },
      state(49.2),
      'skip',
      'budget.monthly_usd',
    ],
    ['a skip route', 'skip', { monthly_usd: 50 }, state(80), 'skip', null],
    ['under the per-review cap', 'deep', { per_review_usd: 2 }, state(0), 'deep', null],
    [
      'a deep review over the per-review cap',
      'deep',
      { per_review_usd: 1 },
      state(0),
      'fast',
      'budget.per_review_usd',
    ],
    [
      'deep and fast over the per-review cap',
      'deep',
      { per_review_usd: 0.1 },
      state(0),
      'skip',
      'budget.per_review_usd',
    ],
    [
      'a fast review over the per-review cap',
      'fast',
      { per_review_usd: 0.1 },
      state(0),
      'skip',
      'budget.per_review_usd',
    ],
    [
      'per-review fast fallback passing the monthly cap',
      'deep',
      { per_review_usd: 1, monthly_usd: 50 },
      state(49.9),
      'skip',
      'budget.monthly_usd',
    ],
  ])('with %s, routes %s to %s', (_case, tier, budget, budgetState, expectedTier, expectedRule) => {
    const { choice: result } = applyBudget(choice(tier), withBudget(budget), budgetState);
    expect(result.tier).toBe(expectedTier);
    expect(result.rule).toBe(expectedRule ?? 'routing.rules[1]');
  });

  it.each<[string, RouteTier, Partial<Policy['budget']>, BudgetState, string]>([
    [
      'a deep review on the fast tier',
      'deep',
      { monthly_usd: 50 },
      state(49.2),
      'monthly budget $50.00: $49.20 spent this month; a deep review (~$1.40) would pass it, so this review runs on the fast tier',
    ],
    [
      'a skip because fast passes too',
      'deep',
      { monthly_usd: 50 },
      state(49.9),
      'monthly budget $50.00: $49.90 spent this month; a deep review (~$1.40) would pass it, and so would a fast one (~$0.20), so this review is skipped',
    ],
    [
      'a skip by when_exceeded',
      'deep',
      { monthly_usd: 50, when_exceeded: 'skip' },
      state(49.2),
      'monthly budget $50.00: $49.20 spent this month; a deep review (~$1.40) would pass it, so this review is skipped (when_exceeded: skip)',
    ],
    [
      'a per-review downgrade',
      'deep',
      { per_review_usd: 1 },
      state(3),
      'per-review budget $1.00: a deep review (~$1.40) would pass it, so this review runs on the fast tier',
    ],
    [
      'a per-review skip',
      'fast',
      { per_review_usd: 0.1 },
      state(3),
      'per-review budget $0.10: a fast review (~$0.20) would pass it, so this review is skipped',
    ],
  ])('says in plain words %s', (_case, tier, budget, budgetState, note) => {
    expect(applyBudget(choice(tier), withBudget(budget), budgetState).budgetNote).toBe(note);
  });

  it('keeps the routing reason and adds the budget to it', () => {
    const { choice: result } = applyBudget(
      choice('deep'),
      withBudget({ monthly_usd: 50 }),
      state(49.2),
    );
    expect(result.reason).toBe(
      'risk high: touches src/auth/; the monthly budget would be passed, so fast tier instead',
    );
  });

  it('applies no cap when the budget state is unknown', () => {
    expect(
      applyBudget(choice('deep'), withBudget({ monthly_usd: 0, per_review_usd: 0 }), null),
    ).toEqual({
      choice: choice('deep'),
      budgetNote: null,
    });
  });
});
