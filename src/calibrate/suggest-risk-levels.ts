import type { Policy } from '../domain/policy.js';

type Levels = Policy['risk']['levels'];

export interface SuggestedLevels {
  readonly levels: Levels;
  /** The share of commits at or above each level's threshold. */
  readonly shares: Levels;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The threshold among the scores whose share of commits at or above it is closest to `share`. */
const thresholdFor = (sortedDescending: readonly number[], share: number): number => {
  const count = sortedDescending.length;
  let best = { threshold: 1, distance: Number.POSITIVE_INFINITY };
  for (let index = 0; index < count; index += 1) {
    const score = sortedDescending[index] ?? 0;
    if (index + 1 < count && sortedDescending[index + 1] === score) continue;
    const distance = Math.abs((index + 1) / count - share);
    if (distance < best.distance) best = { threshold: score, distance };
  }
  return best.threshold;
};

const shareAtOrAbove = (scores: readonly number[], threshold: number): number =>
  scores.length === 0 ? 0 : scores.filter((score) => score >= threshold).length / scores.length;

/** The thresholds worth trying: every score a commit reached, within what the policy accepts. */
/** The levels with the share of the scores at or above each. */
const withShares = (scores: readonly number[], levels: Levels): SuggestedLevels => ({
  levels,
  shares: {
    medium: shareAtOrAbove(scores, levels.medium),
    high: shareAtOrAbove(scores, levels.high),
    critical: shareAtOrAbove(scores, levels.critical),
  },
});

export const candidateThresholds = (scores: readonly number[]): number[] =>
  [...new Set(scores.map((score) => Math.min(0.98, Math.max(0.01, round2(score)))))].sort(
    (a, b) => a - b,
  );

/**
 * Levels around a chosen `high`: medium is the score whose share at or above it comes closest to
 * twice the share `high` takes, critical to a quarter of it. Levels stay strictly increasing, as
 * the policy requires, and are rounded to two decimals like the scores.
 */
export const levelsAroundHigh = (scores: readonly number[], high: number): SuggestedLevels => {
  const sorted = [...scores].sort((a, b) => b - a);
  const share = shareAtOrAbove(scores, high);
  const medium = Math.min(
    high - 0.01,
    Math.max(0.01, round2(thresholdFor(sorted, Math.min(0.9, share * 2)))),
  );
  const critical = Math.max(high + 0.01, Math.min(1, round2(thresholdFor(sorted, share / 4))));
  const levels = { medium: round2(Math.max(0, medium)), high, critical: round2(critical) };
  return withShares(scores, levels);
};

/**
 * `risk.levels` that route about `deepRate` of these commits deep with the default rules (risk
 * high or critical): high is the score whose share at or above it comes closest to the rate;
 * medium and critical around it (`levelsAroundHigh`).
 */
export const suggestRiskLevels = (scores: readonly number[], deepRate: number): SuggestedLevels =>
  levelsAroundHigh(scores, thresholdForShare(scores, deepRate));

/** The levels routing can send deep on their own: the lowest is where the deep tier begins. */
export type DeepLevel = 'medium' | 'high' | 'critical';

/** The score whose share of commits at or above it comes closest to `share`, as a level. */
export const thresholdForShare = (scores: readonly number[], share: number): number =>
  Math.min(
    0.98,
    Math.max(
      0.01,
      round2(
        thresholdFor(
          [...scores].sort((a, b) => b - a),
          share,
        ),
      ),
    ),
  );

/**
 * Levels with `deepLevel` at `threshold` and the policy's other levels kept where they stay
 * strictly increasing around it, else moved the least that keeps them so. With `high` as the
 * deep level, medium and critical are placed by share instead (`levelsAroundHigh`).
 */
export const levelsWithDeepAt = (options: {
  readonly scores: readonly number[];
  readonly policyLevels: Levels;
  readonly deepLevel: DeepLevel;
  readonly threshold: number;
}): SuggestedLevels => {
  const { scores, policyLevels, threshold } = options;
  if (options.deepLevel === 'high') return levelsAroundHigh(scores, threshold);
  const levels =
    options.deepLevel === 'medium'
      ? {
          medium: threshold,
          high: round2(Math.max(policyLevels.high, threshold + 0.01)),
          critical: round2(Math.max(policyLevels.critical, threshold + 0.02)),
        }
      : {
          medium: round2(Math.max(0, Math.min(policyLevels.medium, threshold - 0.02))),
          high: round2(Math.max(0.01, Math.min(policyLevels.high, threshold - 0.01))),
          critical: threshold,
        };
  return withShares(scores, levels);
};
