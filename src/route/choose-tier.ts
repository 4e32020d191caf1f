import { applyBudget } from './apply-budget.js';
import { explainConditions } from './explain-conditions.js';
import { findSkipRule } from './find-skip-rule.js';
import type { RouteTier } from '../domain/review-job.js';
import type { RouteDecision, RouteInput, TierChoice } from './types.js';

const FORCED_REASONS: Readonly<Record<RouteTier, string>> = {
  deep: 'deep review requested (/review deep)',
  fast: 'fast review requested (/review fast)',
  skip: 'review skipped on request (/review skip)',
};

const chooseBeforeBudget = (input: RouteInput): TierChoice => {
  const { policy } = input;
  if (!policy.enabled) {
    return { tier: 'skip', reason: 'review-router is disabled by the policy', rule: 'enabled' };
  }
  const skipped = findSkipRule(input);
  if (skipped) return skipped;
  if (input.forcedTier !== null) {
    return { tier: input.forcedTier, reason: FORCED_REASONS[input.forcedTier], rule: 'forced' };
  }
  for (const [index, rule] of policy.routing.rules.entries()) {
    const reason = explainConditions(rule.when, input);
    if (reason !== null)
      return {
        tier: rule.tier,
        reason: rule.mode === 'batch' ? `${reason}; batch review at half price` : reason,
        rule: `routing.rules[${index}]`,
        ...(rule.mode === undefined ? {} : { mode: rule.mode }),
      };
  }
  const { size, risk } = input.classification;
  return {
    tier: policy.routing.default,
    reason: `routine change: size ${size}, risk ${risk.level} (routing.default)`,
    rule: 'routing.default',
  };
};

/**
 * Which review a pull request gets, and why, in this order: a disabled policy; the skip rules
 * (drafts, labels, authors, an empty change, only_paths); a forced tier from a command; the
 * routing rules, first match wins; `routing.default`. The budget then may lower the tier.
 * Pure: everything it needs is in `input`.
 */
export const chooseTier = (input: RouteInput): RouteDecision => {
  const { choice, budgetNote } = applyBudget(chooseBeforeBudget(input), input.policy, input.budget);
  return {
    tier: choice.tier,
    model: choice.tier === 'skip' ? null : input.policy.models[choice.tier],
    reason: choice.reason,
    rule: choice.rule,
    budgetNote,
    ...(choice.tier !== 'skip' && choice.mode === 'batch' ? { mode: 'batch' as const } : {}),
  };
};
