import { testPolicy } from '../classify/test-policy.js';
import type { Policy } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';
import type { TierEstimate } from './types.js';

/** The test policy with these budget fields and no organisation cap unless given. */
export const withBudget = (budget: Partial<Policy['budget']>): Policy => ({
  ...testPolicy,
  budget: { ...testPolicy.budget, org_monthly_usd: null, ...budget },
});
/** A routing choice to the tier, as the routing rules made it. */
export const choice = (tier: RouteTier) => ({
  tier,
  reason: 'risk high: touches src/auth/',
  rule: 'routing.rules[1]',
});
/** An estimate that fits the per-review cap once its least risky files are left out. */
export const trimmed = (usd: number, wholeUsd: number): TierEstimate => ({
  usd,
  wholeUsd,
  fit: { kind: 'trimmed' },
});
/** An estimate over the per-review cap even with only its most risky file. */
export const over = (usd: number, wholeUsd = usd * 4): TierEstimate => ({
  usd,
  wholeUsd,
  fit: { kind: 'over' },
});
