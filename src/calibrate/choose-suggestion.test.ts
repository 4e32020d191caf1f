import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { chooseSuggestion, deepLevelOf } from './choose-suggestion.js';
import { testCommit } from './test-calibration-result.js';

/** 100 commits scored 0.00 to 0.99, a defect every fourth, each $0.02 fast and $0.16 deep. */
const commits = Array.from({ length: 100 }, (_, index) =>
  testCommit({ index, score: index / 100, bugInducing: index % 4 === 0 }),
);

describe('chooseSuggestion', () => {
  it('routes the most changes deep that stay within the target cost', () => {
    const suggestion = chooseSuggestion(commits, DEFAULT_POLICY, {
      deepRate: null,
      targetCost: 0.3,
    });
    // d deep and 1 - d fast cost (0.16 d + 0.02 (1 - d)) / 0.16 of all-deep: at most 0.3 for d <= 0.2
    expect(suggestion.levels).toEqual({ medium: 0.8, high: 0.81, critical: 0.85 });
    expect(suggestion.routing.deepShare).toBe(0.2);
    expect(suggestion.routing.costVsAllDeep).toBeCloseTo(0.3, 10);
    expect(suggestion.withinTargetCost).toBe(true);
    expect(suggestion).toMatchObject({ deepRate: null, targetCost: 0.3 });
  });

  it('takes the deep rate alone as before', () => {
    const suggestion = chooseSuggestion(commits, DEFAULT_POLICY, {
      deepRate: 0.1,
      targetCost: null,
    });
    expect(suggestion.levels.medium).toBe(0.9);
    expect(suggestion.routing.deepShare).toBe(0.1);
  });

  it.each([
    [0.1, 0.3, 0.9],
    [0.3, 0.3, 0.8],
  ])(
    'with deep rate %d and target cost %d meets both (deep from %d)',
    (deepRate, targetCost, deepFrom) => {
      const suggestion = chooseSuggestion(commits, DEFAULT_POLICY, { deepRate, targetCost });
      expect(suggestion.levels.medium).toBe(deepFrom);
      expect(suggestion.routing.deepShare).toBeLessThanOrEqual(deepRate + 1e-9);
      expect(suggestion.routing.costVsAllDeep).toBeLessThanOrEqual(targetCost + 1e-9);
    },
  );

  it('says so when no levels can meet a cost below the fast tier alone', () => {
    const suggestion = chooseSuggestion(commits, DEFAULT_POLICY, {
      deepRate: null,
      targetCost: 0.05,
    });
    expect(suggestion.withinTargetCost).toBe(false);
    expect(suggestion.levels.medium).toBe(0.98);
  });

  it('moves the level where the rules start the deep tier, keeping the others increasing', () => {
    const highRules = {
      ...DEFAULT_POLICY,
      routing: {
        ...DEFAULT_POLICY.routing,
        rules: [{ when: { risk: ['high' as const, 'critical' as const] }, tier: 'deep' as const }],
      },
    };
    expect(deepLevelOf(DEFAULT_POLICY)).toBe('medium');
    expect(deepLevelOf(highRules)).toBe('high');
    const { levels } = chooseSuggestion(commits, highRules, { deepRate: 0.2, targetCost: null });
    expect(levels.high).toBe(0.8);
    expect(levels.medium).toBeLessThan(levels.high);
    expect(levels.critical).toBeGreaterThan(levels.high);
  });
});
