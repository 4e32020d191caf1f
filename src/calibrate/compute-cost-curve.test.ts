import { describe, expect, it } from 'vitest';
import { computeCostCurve } from './compute-cost-curve.js';
import { testCommit, testRoute } from './test-calibration-result.js';

const cost = { fast: 0.02, deep: 0.1 };

describe('computeCostCurve', () => {
  it('starts with every reviewed change fast and moves groups of equal scores deep together', () => {
    const commits = [
      testCommit({ index: 0, score: 0.9, bugInducing: true, route: testRoute(cost) }),
      testCommit({ index: 1, score: 0.5, bugInducing: false, route: testRoute(cost) }),
      testCommit({ index: 2, score: 0.5, bugInducing: true, route: testRoute(cost) }),
      testCommit({ index: 3, score: 0, bugInducing: false, route: testRoute(cost, true) }),
    ];
    const points = computeCostCurve(commits, 'classifier');
    // all-deep is 0.4; the skipped document costs nothing on every point
    expect(points.map((p) => [p.cost, p.caught])).toEqual([
      [expect.closeTo(0.06 / 0.4, 10), 0],
      [expect.closeTo(0.14 / 0.4, 10), 0.5],
      [expect.closeTo(0.3 / 0.4, 10), 1],
    ]);
  });

  it('has no curve without a bug-inducing commit', () => {
    expect(
      computeCostCurve([testCommit({ index: 0, score: 1, bugInducing: false })], 'classifier'),
    ).toEqual([]);
  });
});
