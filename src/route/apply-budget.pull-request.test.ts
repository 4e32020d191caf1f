import { describe, expect, it } from 'vitest';
import type { Policy } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';
import { applyBudget } from './apply-budget.js';
import { choice, withBudget } from './test-budget-choice.js';
import { testBudgetState } from './test-route-input.js';
import type { BudgetState, MonthSpend } from './types.js';

/** Estimates: deep $1.40, fast $0.20; the pull request's spend as given. */
const pullState = (pull: MonthSpend | null, monthSpent = 0): BudgetState => ({
  ...testBudgetState({ spent: monthSpent }),
  pull,
});

describe('applyBudget with a pull request cap', () => {
  it.each<[string, RouteTier, Partial<Policy['budget']>, BudgetState, RouteTier, string]>([
    [
      'under the cap',
      'deep',
      { per_pull_request_usd: 5 },
      pullState({ spentUsd: 3, reservedUsd: 0 }),
      'deep',
      'routing.rules[1]',
    ],
    [
      'exactly reaching the cap',
      'deep',
      { per_pull_request_usd: 5 },
      pullState({ spentUsd: 3.6, reservedUsd: 0 }),
      'deep',
      'routing.rules[1]',
    ],
    [
      'a deep review passing it, fast fits',
      'deep',
      { per_pull_request_usd: 5 },
      pullState({ spentUsd: 4, reservedUsd: 0 }),
      'fast',
      'budget.per_pull_request_usd',
    ],
    [
      'a deep review passing it once its reviews in progress count',
      'deep',
      { per_pull_request_usd: 5 },
      pullState({ spentUsd: 3, reservedUsd: 1 }),
      'fast',
      'budget.per_pull_request_usd',
    ],
    [
      'a fast review passing it',
      'fast',
      { per_pull_request_usd: 5 },
      pullState({ spentUsd: 4.9, reservedUsd: 0 }),
      'skip',
      'budget.per_pull_request_usd',
    ],
    [
      'when_exceeded skip',
      'deep',
      { per_pull_request_usd: 5, when_exceeded: 'skip' },
      pullState({ spentUsd: 4, reservedUsd: 0 }),
      'skip',
      'budget.per_pull_request_usd',
    ],
    [
      'an unknown pull request spend',
      'deep',
      { per_pull_request_usd: 0.01 },
      pullState(null),
      'deep',
      'routing.rules[1]',
    ],
    [
      'the monthly cap still applying after the pull request cap lowered the tier',
      'deep',
      { per_pull_request_usd: 5, monthly_usd: 50 },
      pullState({ spentUsd: 4, reservedUsd: 0 }, 49.9),
      'skip',
      'budget.monthly_usd',
    ],
  ])('%s', (_name, tier, budget, state, expectedTier, expectedRule) => {
    const { choice: decided } = applyBudget(choice(tier), withBudget(budget), state);
    expect(decided.tier).toBe(expectedTier);
    expect(decided.rule).toBe(expectedRule);
  });

  it('says what the pull request has spent and what the tier change is, in the note and the reason', () => {
    const { choice: decided, budgetNote } = applyBudget(
      choice('deep'),
      withBudget({ per_pull_request_usd: 5 }),
      pullState({ spentUsd: 3.5, reservedUsd: 0.25 }),
    );
    expect(budgetNote).toBe(
      'pull request budget $5.00: $3.50 spent on this pull request and $0.25 held by reviews in progress; a deep review (~$1.40) would pass it, so this review runs on the fast tier',
    );
    expect(decided.reason).toBe(
      "risk high: touches src/auth/; the pull request's budget would be passed, so fast tier instead",
    );
  });

  it('keeps a batch rule batch when the budget lowers its tier', () => {
    const { choice: decided } = applyBudget(
      { ...choice('deep'), mode: 'batch' },
      withBudget({ per_pull_request_usd: 5 }),
      pullState({ spentUsd: 4, reservedUsd: 0 }),
    );
    expect(decided).toMatchObject({ tier: 'fast', mode: 'batch' });
  });
});
