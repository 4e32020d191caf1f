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

/**
 * `risk.levels` that route about `deepRate` of these commits deep with the default rules (risk
 * high or critical): high is the score whose share at or above it comes closest to the rate,
 * medium the same for twice the rate, critical for a quarter of it. Levels stay strictly
 * increasing, as the policy requires, and are rounded to two decimals like the scores.
 */
export const suggestRiskLevels = (scores: readonly number[], deepRate: number): SuggestedLevels => {
  const sorted = [...scores].sort((a, b) => b - a);
  const high = Math.min(0.98, Math.max(0.01, round2(thresholdFor(sorted, deepRate))));
  const medium = Math.min(
    high - 0.01,
    Math.max(0.01, round2(thresholdFor(sorted, Math.min(0.9, deepRate * 2)))),
  );
  const critical = Math.max(high + 0.01, Math.min(1, round2(thresholdFor(sorted, deepRate / 4))));
  const levels = { medium: round2(Math.max(0, medium)), high, critical: round2(critical) };
  return {
    levels,
    shares: {
      medium: shareAtOrAbove(scores, levels.medium),
      high: shareAtOrAbove(scores, levels.high),
      critical: shareAtOrAbove(scores, levels.critical),
    },
  };
};
