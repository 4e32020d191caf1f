import type { RiskLevel } from '../domain/classification.js';
import type { Policy } from '../domain/policy.js';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Noisy-or of the weights, 1 - Π(1 - w), each weight clamped to [0, 1], rounded to 2 decimals. */
export const combineWeights = (weights: readonly number[]): number => {
  const keep = weights.reduce(
    (product, weight) => product * (1 - Math.min(1, Math.max(0, weight))),
    1,
  );
  return round2(Math.min(1, Math.max(0, 1 - keep)));
};

/** The level a score reaches: at or above a threshold is that level (0.6 is high by default). */
export const riskLevelOf = (score: number, levels: Policy['risk']['levels']): RiskLevel => {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
};
