import { describe, expect, it } from 'vitest';
import { measureRouting } from './measure-routing.js';
import { testCommit, testRoute } from './test-calibration-result.js';

const levels = { medium: 0.1, high: 0.2, critical: 0.5 };
const cost = { fast: 0.02, deep: 0.16 };

/** Four commits: a risky defect, a risky clean one, a routine defect, and a skipped document. */
const commits = [
  testCommit({ index: 0, score: 0.6, bugInducing: true }),
  testCommit({ index: 1, score: 0.25, bugInducing: false }),
  testCommit({ index: 2, score: 0.05, bugInducing: true }),
  testCommit({ index: 3, score: 0, bugInducing: false, route: testRoute(cost, true) }),
];

describe('measureRouting', () => {
  it('routes each commit by its level and adds up the estimates of the tier it got', () => {
    const figures = measureRouting(commits, levels);
    expect(figures).toMatchObject({ levels, deepShare: 0.5, skipShare: 0.25, caught: 0.5 });
    // two deep, one fast, one skipped; all-deep and all-fast count every commit
    expect(figures.costUsd).toBeCloseTo(0.16 * 2 + 0.02, 10);
    expect(figures.allDeepUsd).toBeCloseTo(0.16 * 4, 10);
    expect(figures.allFastUsd).toBeCloseTo(0.02 * 4, 10);
    expect(figures.costVsAllDeep).toBeCloseTo(0.34 / 0.64, 10);
    expect(figures.costVsAllFast).toBeCloseTo(0.34 / 0.08, 10);
  });

  it.each([
    [{ medium: 0.01, high: 0.02, critical: 0.03 }, 0.75, 1],
    [{ medium: 0.7, high: 0.8, critical: 0.9 }, 0, 0],
  ])('with levels %j routes %d deep and catches %d', (chosen, deepShare, caught) => {
    const figures = measureRouting(commits, chosen);
    expect(figures.deepShare).toBe(deepShare);
    expect(figures.caught).toBe(caught);
  });

  it('says n/a rather than a share when there is nothing to divide by', () => {
    const figures = measureRouting([commits[1]!], levels);
    expect(figures.caught).toBeNaN();
    expect(measureRouting([], levels).costVsAllDeep).toBeNaN();
  });
});
