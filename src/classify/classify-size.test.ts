import { describe, expect, it } from 'vitest';
import { classifySize } from './classify-size.js';
import { testPolicy } from './test-policy.js';

const thresholds = testPolicy.size.changed_lines;

describe('classifySize', () => {
  it.each([
    [0, 'XS'],
    [49, 'XS'],
    [50, 'S'],
    [249, 'S'],
    [250, 'M'],
    [999, 'M'],
    [1000, 'L'],
    [3999, 'L'],
    [4000, 'XL'],
    [120_000, 'XL'],
  ])('classes %i changed lines as %s with the default thresholds', (lines, size) => {
    expect(classifySize(lines, thresholds)).toBe(size);
  });

  it('follows the thresholds of the policy', () => {
    expect(classifySize(20, { S: 10, M: 20, L: 30, XL: 40 })).toBe('M');
  });
});
