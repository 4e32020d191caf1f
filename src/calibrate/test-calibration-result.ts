/** A calibration result built from made-up commits, for the renderers' tests. */
import type { RouteTier } from '../domain/review-job.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import type { CalibrationResult } from './calibration.js';
import { chooseSuggestion } from './choose-suggestion.js';
import { computeCostCurve } from './compute-cost-curve.js';
import { computeCatchCurve, computeScorerMetrics, rankedBy } from './compute-metrics.js';
import { measureRouting } from './measure-routing.js';
import { randomScoreOf } from './score-commit.js';
import { SCORER_IDS, type CommitRoute, type ScoredCommit } from './types.js';

/** The default rules' routing: risk medium and above deep, low fast; or skipped at every level. */
export const testRoute = (
  costUsd: { fast: number; deep: number },
  skipped = false,
): CommitRoute => {
  const tier = (deep: boolean): RouteTier => (skipped ? 'skip' : deep ? 'deep' : 'fast');
  return {
    costUsd,
    tierByLevel: { low: tier(false), medium: tier(true), high: tier(true), critical: tier(true) },
  };
};

/** One commit with a classifier score, a label and a route; the other scores follow from the index. */
export const testCommit = (options: {
  readonly index: number;
  readonly score: number;
  readonly bugInducing: boolean;
  readonly route?: CommitRoute;
}): ScoredCommit => {
  const sha = options.index.toString(16).padStart(40, '0');
  return {
    sha,
    commitTime: 1_600_000_000 + options.index * 86_400,
    subject: `commit ${options.index}`,
    scores: {
      classifier: options.score,
      'lines-added': (options.index * 37) % 500,
      'size-class': options.index % 5,
      random: randomScoreOf(sha),
    },
    signals: [],
    touchesSource: true,
    paths: [],
    route: options.route ?? testRoute({ fast: 0.02, deep: 0.16 }),
    bugInducing: options.bugInducing,
  };
};

/** 200 commits; every fifth is bug-inducing, and the classifier sees most of them coming. */
export const testCalibrationResult = (): CalibrationResult => {
  const commits: ScoredCommit[] = Array.from({ length: 200 }, (_, index) => {
    const bugInducing = index % 5 === 0;
    return testCommit({
      index,
      bugInducing,
      score: Math.round(((bugInducing ? 0.5 : 0) + (index % 7) / 14) * 100) / 100,
      route: testRoute(
        { fast: 0.02 + index / 10_000, deep: 0.16 + index / 2_000 },
        index % 9 === 1,
      ),
    });
  });
  const levels = { medium: 0.1, high: 0.18, critical: 0.45 };
  return {
    status: 'ok',
    headSha: 'f'.repeat(40),
    headTime: 1_700_000_000,
    from: 1_600_000_000,
    to: 1_600_000_000 + 199 * 86_400,
    totalCommits: 250,
    fixCommits: 30,
    bugInducing: 40,
    commits,
    metrics: SCORER_IDS.map((scorer) => computeScorerMetrics(commits, scorer)),
    curves: SCORER_IDS.map((scorer) => ({
      scorer,
      points: computeCatchCurve(rankedBy(commits, scorer)),
    })),
    costCurves: SCORER_IDS.map((scorer) => ({ scorer, points: computeCostCurve(commits, scorer) })),
    inForce: measureRouting(commits, levels),
    suggestion: chooseSuggestion(commits, DEFAULT_POLICY, { deepRate: 0.2, targetCost: null }),
    deepRate: 0.2,
    targetCost: null,
    elapsedMs: 1234,
  };
};
