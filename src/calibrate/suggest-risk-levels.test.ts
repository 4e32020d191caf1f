import { describe, expect, it } from 'vitest';
import { suggestRiskLevels } from './suggest-risk-levels.js';

/** 100 scores: 0.00, 0.01, ... 0.99. */
const spread = Array.from({ length: 100 }, (_, i) => i / 100);

describe('suggestRiskLevels', () => {
  it.each([
    [0.1, 0.9],
    [0.2, 0.8],
    [0.3, 0.7],
  ])('routes %d of evenly spread scores deep with high at %d', (rate, high) => {
    const { levels, shares } = suggestRiskLevels(spread, rate);
    expect(levels.high).toBe(high);
    expect(shares.high).toBeCloseTo(rate, 10);
    expect(levels.medium).toBeLessThan(levels.high);
    expect(levels.critical).toBeGreaterThan(levels.high);
  });

  it('keeps the levels strictly increasing when the scores have few values', () => {
    const scores = [...Array(80).fill(0), ...Array(20).fill(0.5)];
    const { levels } = suggestRiskLevels(scores, 0.2);
    expect(levels.high).toBe(0.5);
    expect(levels.medium).toBeLessThan(levels.high);
    expect(levels.critical).toBeGreaterThan(levels.high);
    expect(levels.critical).toBeLessThanOrEqual(1);
  });
});
