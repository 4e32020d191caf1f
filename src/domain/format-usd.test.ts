import { describe, expect, it } from 'vitest';
import { formatUsd } from './format-usd.js';

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.4, '$0.40'],
    [1.4, '$1.40'],
    [49.2, '$49.20'],
    [1250, '$1,250.00'],
    [0.011, '$0.011'],
    [0.004, '$0.004'],
    [0.00123, '$0.00123'],
    [0.0222488, '$0.0222'],
    [0.999, '$0.999'],
    [-0.02, '-$0.02'],
  ])('writes %d as %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });
});
