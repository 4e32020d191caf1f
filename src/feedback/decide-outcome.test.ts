import { describe, expect, it } from 'vitest';
import type { FindingSignal } from '../domain/finding-feedback.js';
import { decideOutcome } from './decide-outcome.js';
import { splitCost } from './split-cost.js';

describe('decideOutcome', () => {
  it.each<[FindingSignal[], FindingSignal[], string]>([
    [['suggestion-applied', 'lines-changed'], [], 'acted-on'],
    [['lines-changed'], ['-1'], 'acted-on'],
    [[], ['+1', 'resolved'], 'acted-on'],
    [[], ['+1'], 'no-signal'],
    [[], ['-1'], 'dismissed'],
    [[], ['resolved'], 'dismissed'],
    [['resolved'], [], 'no-signal'],
    [['resolved', 'unresolved'], ['replied'], 'no-signal'],
    [[], [], 'no-signal'],
  ])('history %j and %j at close make %s', (history, atClose, outcome) => {
    expect(decideOutcome({ history: new Set(history), atClose: new Set(atClose) })).toBe(outcome);
  });
});

describe('splitCost', () => {
  it('splits a review cost evenly in nano-dollars, adding up exactly', () => {
    const shares = splitCost(0.00000001, 3);
    expect(shares).toEqual([4e-9, 3e-9, 3e-9]);
    const many = splitCost(0.123456789, 7);
    expect(many.reduce((sum, share) => sum + Math.round(share * 1e9), 0)).toBe(123456789);
    expect(splitCost(1, 0)).toEqual([]);
  });
});
