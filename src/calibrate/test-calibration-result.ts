/** A calibration result built from made-up commits, for the renderers' tests. */
import type { CalibrationResult } from './calibration.js';
import { computeCatchCurve, computeScorerMetrics, rankedBy } from './compute-metrics.js';
import { randomScoreOf } from './score-commit.js';
import { suggestRiskLevels } from './suggest-risk-levels.js';
import { SCORER_IDS, type ScoredCommit } from './types.js';

/** 200 commits; every fifth is bug-inducing, and the classifier sees most of them coming. */
export const testCalibrationResult = (): CalibrationResult => {
  const commits: ScoredCommit[] = Array.from({ length: 200 }, (_, index) => {
    const bugInducing = index % 5 === 0;
    const sha = index.toString(16).padStart(40, '0');
    return {
      sha,
      commitTime: 1_600_000_000 + index * 86_400,
      subject: `commit ${index}`,
      scores: {
        classifier: Math.round(((bugInducing ? 0.5 : 0) + (index % 7) / 14) * 100) / 100,
        'lines-added': (index * 37) % 500,
        'size-class': index % 5,
        random: randomScoreOf(sha),
      },
      signals: [],
      touchesSource: true,
      paths: [],
      bugInducing,
    };
  });
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
    suggestion: suggestRiskLevels(
      commits.map((c) => c.scores.classifier),
      0.2,
    ),
    deepRate: 0.2,
    elapsedMs: 1234,
  };
};
