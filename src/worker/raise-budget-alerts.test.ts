import { describe, expect, it } from 'vitest';
import { sharesReached } from './raise-budget-alerts.js';

describe('sharesReached', () => {
  it.each([
    ['nothing spent', [0.5, 0.75], 10, 0, []],
    ['just under a share', [0.5, 0.75], 10, 4.99, []],
    ['exactly at a share', [0.5, 0.75], 10, 5, [0.5]],
    ['float sums that land on a share', [0.3], 1, 0.1 + 0.2, [0.3]],
    [
      'several shares at once, smallest first, whatever their order',
      [0.9, 0.5, 0.75],
      10,
      9.5,
      [0.5, 0.75, 0.9],
    ],
    ['past the whole budget', [0.5, 1], 10, 12, [0.5, 1]],
  ])('%s', (_name, shares, capUsd, spentUsd, expected) => {
    expect(sharesReached(shares, capUsd, spentUsd)).toEqual(expected);
  });
});
