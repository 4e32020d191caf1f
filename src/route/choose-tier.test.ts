import { describe, expect, it } from 'vitest';
import { classifyChange } from '../classify/classify-change.js';
import { testDiff, testFile } from '../classify/test-diff.js';
import { testPolicy } from '../classify/test-policy.js';
import type { FileChange } from '../domain/diff.js';
import type { Policy, RoutingRule } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';
import { chooseTier } from './choose-tier.js';
import {
  testBudgetState,
  testClassification,
  testPullRequest,
  testRouteInput,
} from './test-route-input.js';
import type { RouteInput } from './types.js';

const withRules = (rules: readonly RoutingRule[], policy: Policy = testPolicy): Policy => ({
  ...policy,
  routing: { ...policy.routing, rules },
});

/** A route input whose classification is what classify says about these files. */
const routeFiles = (files: FileChange[], overrides: Partial<RouteInput> = {}): RouteInput => {
  const diff = testDiff(files);
  return testRouteInput({
    diff,
    classification: classifyChange({ diff, policy: testPolicy }),
    ...overrides,
  });
};

describe('chooseTier', () => {
  it.each<[string, RouteInput, RouteTier, string, string]>([
    [
      'an authentication change',
      routeFiles([testFile('src/auth/session.ts', { additions: 12 })]),
      'deep',
      'routing.rules[1]',
      'risk high: touches authentication code in src/auth/',
    ],
    [
      'an XL change of low risk',
      testRouteInput({
        classification: testClassification({ size: 'XL', level: 'low', changedLines: 5200 }),
      }),
      'deep',
      'routing.rules[2]',
      'size XL: 5,200 changed lines',
    ],
    [
      'a review:deep label',
      testRouteInput({ pr: testPullRequest({ labels: ['review:deep'] }) }),
      'deep',
      'routing.rules[0]',
      'label review:deep',
    ],
    [
      'a routine change',
      routeFiles([
        testFile('src/a.ts', { additions: 3 }),
        testFile('src/a.test.ts', { additions: 50 }),
      ]),
      'fast',
      'routing.default',
      'routine change: size S, risk low (routing.default)',
    ],
    [
      'a draft',
      routeFiles([testFile('src/auth/session.ts')], { pr: testPullRequest({ draft: true }) }),
      'skip',
      'skip.drafts',
      'draft pull request (skip.drafts)',
    ],
    [
      'a documentation change',
      routeFiles([testFile('README.md', { additions: 1, deletions: 1 })]),
      'skip',
      'skip.only_paths',
      'only documentation changed (skip.only_paths)',
    ],
    ['an empty pull request', routeFiles([]), 'skip', 'skip.empty', 'no changed files'],
    [
      'a disabled policy',
      testRouteInput({ policy: { ...testPolicy, enabled: false }, forcedTier: 'deep' }),
      'skip',
      'enabled',
      'review-router is disabled by the policy',
    ],
  ])('routes %s', (_case, input, tier, rule, reason) => {
    expect(chooseTier(input)).toMatchObject({ tier, rule, reason, budgetNote: null });
  });

  it.each<[RouteTier, string]>([
    ['deep', 'deep review requested (/review deep)'],
    ['fast', 'fast review requested (/review fast)'],
    ['skip', 'review skipped on request (/review skip)'],
  ])('lets a forced %s tier override the routing rules', (forcedTier, reason) => {
    const input = testRouteInput({
      forcedTier,
      pr: testPullRequest({ labels: ['review:deep'] }),
      classification: testClassification({ size: 'XL', level: 'critical' }),
    });
    expect(chooseTier(input)).toMatchObject({ tier: forcedTier, rule: 'forced', reason });
  });

  it('does not let a forced tier override the skip rules', () => {
    const input = testRouteInput({ forcedTier: 'deep', pr: testPullRequest({ draft: true }) });
    expect(chooseTier(input)).toMatchObject({ tier: 'skip', rule: 'skip.drafts' });
  });

  it('takes the first routing rule that matches', () => {
    const policy = withRules([
      { when: { size: ['XS'] }, tier: 'fast' },
      { when: { size: ['XS'] }, tier: 'deep' },
    ]);
    expect(chooseTier(testRouteInput({ policy }))).toMatchObject({
      tier: 'fast',
      rule: 'routing.rules[0]',
    });
  });

  it('passes over rules whose conditions do not all hold', () => {
    const policy = withRules([
      { when: { size: ['XS'], labels: ['urgent'] }, tier: 'deep' },
      { when: { base: ['main'] }, tier: 'deep' },
    ]);
    expect(chooseTier(testRouteInput({ policy }))).toMatchObject({
      tier: 'deep',
      rule: 'routing.rules[1]',
      reason: 'base branch main',
    });
  });

  it('skips when the matching rule says skip', () => {
    const policy = withRules([{ when: { labels: ['wip'] }, tier: 'skip' }]);
    const input = testRouteInput({ policy, pr: testPullRequest({ labels: ['wip'] }) });
    expect(chooseTier(input)).toEqual({
      tier: 'skip',
      model: null,
      rule: 'routing.rules[0]',
      reason: 'label wip',
      budgetNote: null,
    });
  });

  it('falls back to routing.default', () => {
    const policy = withRules([], {
      ...testPolicy,
      routing: { ...testPolicy.routing, default: 'deep' },
    });
    expect(chooseTier(testRouteInput({ policy }))).toMatchObject({
      tier: 'deep',
      rule: 'routing.default',
    });
  });

  it.each<[RouteTier, Policy['models']['fast'] | null]>([
    ['fast', testPolicy.models.fast],
    ['deep', testPolicy.models.deep],
    ['skip', null],
  ])('gives the %s tier the model of the policy', (forcedTier, model) => {
    expect(chooseTier(testRouteInput({ forcedTier })).model).toEqual(model);
  });

  it('lowers a deep route to fast when the monthly budget would be passed, and says so', () => {
    const input = routeFiles([testFile('src/auth/session.ts', { additions: 12 })], {
      policy: { ...testPolicy, budget: { ...testPolicy.budget, monthly_usd: 50 } },
      budget: testBudgetState({ spent: 49.2 }),
    });
    expect(chooseTier(input)).toEqual({
      tier: 'fast',
      model: testPolicy.models.fast,
      rule: 'budget.monthly_usd',
      reason:
        'risk high: touches authentication code in src/auth/; the monthly budget would be passed, so fast tier instead',
      budgetNote:
        'monthly budget $50.00: $49.20 spent this month; a deep review (~$1.40) would pass it, so this review runs on the fast tier',
    });
  });

  it('holds a forced deep review to the budget too', () => {
    const input = testRouteInput({
      forcedTier: 'deep',
      policy: { ...testPolicy, budget: { ...testPolicy.budget, per_review_usd: 0.5 } },
      budget: testBudgetState({ deep: { usd: 0.6, wholeUsd: 1.4, fit: { kind: 'over' } } }),
    });
    expect(chooseTier(input)).toMatchObject({ tier: 'fast', rule: 'budget.per_review_usd' });
  });

  it('lets a routine change through when the budget has room', () => {
    const input = testRouteInput({
      policy: {
        ...testPolicy,
        budget: { ...testPolicy.budget, monthly_usd: 50, per_review_usd: 1 },
      },
      budget: testBudgetState({ spent: 12 }),
    });
    expect(chooseTier(input)).toMatchObject({
      tier: 'fast',
      rule: 'routing.default',
      budgetNote: null,
    });
  });
});
