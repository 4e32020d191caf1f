import { describe, expect, it } from 'vitest';
import { computeAuc, computeCatchCurve, computeCatchRate } from './compute-metrics.js';

const items = (rows: [number, boolean][]) => rows.map(([score, positive]) => ({ score, positive }));

describe('computeAuc', () => {
  it.each<[string, [number, boolean][], number]>([
    [
      'a perfect ranking',
      [
        [3, true],
        [2, true],
        [1, false],
        [0, false],
      ],
      1,
    ],
    [
      'a reversed ranking',
      [
        [3, false],
        [2, false],
        [1, true],
        [0, true],
      ],
      0,
    ],
    [
      'all ties',
      [
        [1, true],
        [1, false],
        [1, false],
        [1, true],
      ],
      0.5,
    ],
    [
      'one swap of four pairs',
      [
        [4, true],
        [3, false],
        [2, true],
        [1, false],
      ],
      0.75,
    ],
    [
      'a tie across classes',
      [
        [2, true],
        [1, true],
        [1, false],
        [0, false],
      ],
      0.875,
    ],
  ])('is the Mann-Whitney statistic for %s', (_case, rows, auc) => {
    expect(computeAuc(items(rows))).toBeCloseTo(auc, 10);
  });

  it('is NaN when one class is empty', () => {
    expect(computeAuc(items([[1, true]]))).toBeNaN();
  });
});

describe('computeCatchRate', () => {
  const ranked = items([
    [9, true],
    [8, false],
    [7, true],
    [6, false],
    [5, false],
    [4, false],
    [3, false],
    [2, false],
    [1, false],
    [0, true],
  ]);

  it.each([
    [0, 0],
    [0.1, 1 / 3],
    [0.2, 1 / 3],
    [0.3, 2 / 3],
    [1, 1],
  ])('catches the positives in the top %d of commits', (share, caught) => {
    expect(computeCatchRate(ranked, share)).toBeCloseTo(caught, 10);
  });

  it('takes a group of equal scores in proportion where the cut falls inside it', () => {
    const tied = items([
      [1, true],
      [1, false],
      [1, false],
      [1, false],
      [0, true],
    ]);
    expect(computeCatchRate(tied, 0.4)).toBeCloseTo(0.25, 10);
  });

  it('draws a curve from 0% to 100% routed deep that never falls', () => {
    const curve = computeCatchCurve(ranked);
    expect(curve).toHaveLength(101);
    expect(curve[0]).toEqual({ share: 0, caught: 0 });
    expect(curve[100]).toEqual({ share: 1, caught: 1 });
    for (let i = 1; i < curve.length; i += 1) {
      expect(curve[i]!.caught).toBeGreaterThanOrEqual(curve[i - 1]!.caught);
    }
  });
});
