import { describe, expect, it } from 'vitest';
import { combineWeights, riskLevelOf } from './score-risk.js';
import { testPolicy } from './test-policy.js';

describe('combineWeights', () => {
  it.each([
    [[], 0],
    [[0.6], 0.6],
    [[0.3], 0.3],
    [[0.5, 0.5], 0.75],
    [[0.6, 0.15], 0.66],
    [[0.6, 0.5, 0.4], 0.88],
    [[1, 0.2], 1],
    [[1.5], 1],
    [[-0.4, 0.2], 0.04],
    [[0.5, -0.25], 0.38],
    [[0.9, -1.5], 0.8],
  ])('combines %j as a noisy-or into %d', (weights, score) => {
    expect(combineWeights(weights)).toBe(score);
  });
});

describe('riskLevelOf', () => {
  it.each([
    [0, 'low'],
    [0.29, 'low'],
    [0.3, 'medium'],
    [0.59, 'medium'],
    [0.6, 'high'],
    [0.84, 'high'],
    [0.85, 'critical'],
    [1, 'critical'],
  ])('gives a score of %d the level %s with levels 0.3, 0.6 and 0.85', (score, level) => {
    expect(riskLevelOf(score, { medium: 0.3, high: 0.6, critical: 0.85 })).toBe(level);
  });

  it.each([
    [0.17, 'low'],
    [0.18, 'medium'],
    [0.59, 'medium'],
    [0.6, 'high'],
    [0.85, 'critical'],
  ])('gives a score of %d the level %s with the default levels', (score, level) => {
    expect(riskLevelOf(score, testPolicy.risk.levels)).toBe(level);
  });
});
