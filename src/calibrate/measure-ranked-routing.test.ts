import { describe, expect, it } from 'vitest';
import { measureRankedRouting } from './measure-ranked-routing.js';
import { testCommit, testRoute } from './test-calibration-result.js';

const cost = { fast: 0.02, deep: 0.1 };
const levels = { medium: 0.18, high: 0.6, critical: 0.85 };

describe('measureRankedRouting', () => {
  it('sends the highest-ranked reviewed commits deep, splitting a tie in proportion', () => {
    // lines added: 0, 37, 74 and 111 for indexes 0 to 3; the largest is a skipped document
    const commits = [
      testCommit({ index: 0, score: 0, bugInducing: false, route: testRoute(cost) }),
      testCommit({ index: 1, score: 0, bugInducing: true, route: testRoute(cost) }),
      testCommit({ index: 2, score: 0, bugInducing: false, route: testRoute(cost) }),
      testCommit({ index: 3, score: 0, bugInducing: false, route: testRoute(cost, true) }),
    ];
    const lines = measureRankedRouting({ commits, scorer: 'lines-added', deepShare: 0.5, levels });
    expect(lines.deepShare).toBe(0.5);
    expect(lines.caught).toBe(1);
    expect(lines.skipShare).toBe(0.25);
    expect(lines.costUsd).toBeCloseTo(0.1 * 2 + 0.02, 10);
    expect(lines.costVsAllDeep).toBeCloseTo(0.22 / 0.4, 10);
    // every reviewed commit ties on the classifier: half of them deep, half of the defect caught
    const tied = measureRankedRouting({ commits, scorer: 'classifier', deepShare: 0.25, levels });
    expect(tied.caught).toBeCloseTo(1 / 3, 10);
    expect(tied.costUsd).toBeCloseTo(0.06 + 0.08, 10);
  });
});
