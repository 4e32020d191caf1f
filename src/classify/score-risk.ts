import type { RiskLevel } from '../domain/classification.js';
import type { Policy } from '../domain/policy.js';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * A negative weight takes back at most this share of the score of the positive ones, so the
 * changes it lowers keep their order instead of all tying at 0.
 */
const LEAST_SHARE_KEPT = 0.2;

/**
 * Noisy-or of the weights, 1 - Π(1 - w), each weight clamped to [-1, 1], the result clamped to
 * [0, 1] and rounded to 2 decimals. A negative weight takes a share back (-0.25 multiplies the
 * chance of no fix by 1.25), down to no less than a fifth of what the positive weights make.
 */
export const combineWeights = (weights: readonly number[]): number => {
  const clamped = weights.map((weight) => Math.min(1, Math.max(-1, weight)));
  const keep = (some: readonly number[]): number =>
    some.reduce((product, weight) => product * (1 - weight), 1);
  const positive = 1 - keep(clamped.filter((weight) => weight > 0));
  const taken = 1 - (1 - positive) * keep(clamped.filter((weight) => weight < 0));
  return round2(Math.min(1, Math.max(taken, positive * LEAST_SHARE_KEPT)));
};

/** The level a score reaches: at or above a threshold is that level (0.6 is high by default). */
export const riskLevelOf = (score: number, levels: Policy['risk']['levels']): RiskLevel => {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
};
