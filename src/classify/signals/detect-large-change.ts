import type { RiskSignal } from '../../domain/classification.js';
import { classifySize } from '../classify-size.js';
import type { SignalContext } from '../types.js';
import { formatCount } from '../../domain/format-count.js';
import { LARGE_CHANGE_CURVE } from './signal-weights.js';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * The weight for a number of changed lines: silent below the curve's first point, linear
 * between points, flat after the last one. The points are read against the policy's size
 * thresholds, so a repository that calls 500 lines "large" gets a large-change signal at 500.
 */
export const largeChangeWeight = (
  changedLines: number,
  thresholds: SignalContext['policy']['size']['changed_lines'],
): number => {
  const points = LARGE_CHANGE_CURVE.map(({ size, times, weight }) => ({
    lines: thresholds[size] * times,
    weight,
  }));
  const first = points[0];
  if (!first || changedLines < first.lines) return 0;
  for (let index = 1; index < points.length; index += 1) {
    const low = points[index - 1];
    const high = points[index];
    if (!low || !high || changedLines >= high.lines) continue;
    const span = high.lines - low.lines;
    const progress = span > 0 ? (changedLines - low.lines) / span : 1;
    return round2(low.weight + (high.weight - low.weight) * progress);
  }
  return points.at(-1)?.weight ?? 0;
};

/** Big changes hide mistakes: the weight grows with the changed lines that count (ignored files left out). */
export const detectLargeChange = (ctx: SignalContext): RiskSignal | null => {
  const thresholds = ctx.policy.size.changed_lines;
  const weight = largeChangeWeight(ctx.changedLines, thresholds);
  if (weight <= 0) return null;
  return {
    id: 'large-change',
    weight,
    message: `changes ${formatCount(ctx.changedLines)} lines (size ${classifySize(ctx.changedLines, thresholds)})`,
    paths: [],
  };
};
