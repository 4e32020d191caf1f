import { describe, expect, it } from 'vitest';
import { testPolicy } from '../classify/test-policy.js';
import type { Policy, RoutingRule } from '../domain/policy.js';
import { chooseTier } from './choose-tier.js';
import { testPullRequest, testRouteInput } from './test-route-input.js';

const withRules = (rules: readonly RoutingRule[]): Policy => ({
  ...testPolicy,
  routing: { ...testPolicy.routing, rules },
});

const later: RoutingRule = { when: { labels: ['review:later'] }, tier: 'deep', mode: 'batch' };

describe('chooseTier with a batch rule', () => {
  it('routes a pull request its rule sends to batch with mode batch, and says so in the reason', () => {
    const input = testRouteInput({
      policy: withRules([later]),
      pr: testPullRequest({ labels: ['review:later'] }),
    });
    expect(chooseTier(input)).toMatchObject({
      tier: 'deep',
      mode: 'batch',
      rule: 'routing.rules[0]',
      reason: 'label review:later; batch review at half price',
    });
  });

  it('reviews now when no batch rule matches', () => {
    const decision = chooseTier(testRouteInput({ policy: withRules([later]) }));
    expect(decision.mode).toBeUndefined();
  });

  it('reviews now when a command forces a tier, even with a matching batch rule', () => {
    const input = testRouteInput({
      policy: withRules([later]),
      pr: testPullRequest({ labels: ['review:later'] }),
      forcedTier: 'deep',
    });
    expect(chooseTier(input)).toMatchObject({ tier: 'deep', rule: 'forced' });
    expect(chooseTier(input).mode).toBeUndefined();
  });

  it('never batches a skip', () => {
    const input = testRouteInput({
      policy: withRules([{ when: { labels: ['review:later'] }, tier: 'skip', mode: 'batch' }]),
      pr: testPullRequest({ labels: ['review:later'] }),
    });
    expect(chooseTier(input).tier).toBe('skip');
    expect(chooseTier(input).mode).toBeUndefined();
  });
});
