import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { testPolicy } from '../test-policy.js';
import { detectLargeChange, largeChangeWeight } from './detect-large-change.js';
import { testContext } from './test-context.js';

describe('largeChangeWeight', () => {
  it.each([
    [0, 0],
    [249, 0],
    [250, 0.1],
    [625, 0.15],
    [1000, 0.2],
    [2500, 0.28],
    [4000, 0.35],
    [6000, 0.43],
    [8000, 0.5],
    [50_000, 0.5],
  ])('gives %i changed lines the weight %d with the default size thresholds', (lines, weight) => {
    expect(largeChangeWeight(lines, testPolicy.size.changed_lines)).toBe(weight);
  });

  it('grows with every step of changed lines', () => {
    const weights = [300, 900, 2000, 5000, 7000].map((lines) =>
      largeChangeWeight(lines, testPolicy.size.changed_lines),
    );
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
    expect(new Set(weights).size).toBe(weights.length);
  });
});

describe('detectLargeChange', () => {
  it('reports the changed lines and the size class', () => {
    const ctx = testContext([testFile('src/a.ts', { additions: 4000, deletions: 1000 })]);
    expect(detectLargeChange(ctx)).toEqual({
      id: 'large-change',
      weight: 0.39,
      message: 'changes 5,000 lines (size XL)',
      paths: [],
    });
  });

  it('does not count ignored files', () => {
    const ctx = testContext([
      testFile('package-lock.json', { additions: 9000 }),
      testFile('src/a.ts', { additions: 10 }),
    ]);
    expect(detectLargeChange(ctx)).toBeNull();
  });
});
