import { formatCount } from '../domain/format-count.js';
import type { CalibrationResult } from './calibration.js';
import type { ScorerId, ScorerMetrics } from './types.js';

export const SCORER_LABELS: Readonly<Record<ScorerId, string>> = {
  classifier: 'classifier',
  'lines-added': 'lines added',
  'size-class': 'size class',
  random: 'random',
};

export const formatPercent = (value: number, digits = 0): string =>
  Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(digits)}%`;

export const formatAuc = (value: number): string =>
  Number.isNaN(value) ? 'n/a' : value.toFixed(3);

export const formatDay = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().slice(0, 10);

/** The sentences above the table: what was measured, over which commits. */
export const describeHistory = (result: CalibrationResult): string[] => [
  `${formatCount(result.commits.length)} commits from ${formatDay(result.from)} to ${formatDay(result.to)}, ` +
    `each with at least a year of history after it (${formatCount(result.totalCommits)} non-merge commits in all)`,
  `${formatCount(result.bugInducing)} bug-inducing (${formatPercent(result.bugInducing / result.commits.length, 1)}): ` +
    `blamed by ${formatCount(result.fixCommits)} later fix commits (SZZ) or reverted`,
];

/** The catch rate of a scorer at the given deep share, read off its curve. */
export const caughtAt = (result: CalibrationResult, scorer: ScorerId, share: number): number => {
  const points = result.curves.find((curve) => curve.scorer === scorer)?.points ?? [];
  const nearest = points.reduce<{ share: number; caught: number } | null>(
    (best, point) =>
      best === null || Math.abs(point.share - share) < Math.abs(best.share - share) ? point : best,
    null,
  );
  return nearest?.caught ?? Number.NaN;
};

/** One row of the metrics table per scorer. */
export const metricsRows = (metrics: readonly ScorerMetrics[]): string[][] =>
  metrics.map((metric) => [
    SCORER_LABELS[metric.scorer],
    formatAuc(metric.auc),
    ...metric.catchRates.map((rate) => formatPercent(rate.caught)),
  ]);

export const METRICS_HEADER: readonly string[] = [
  'scorer',
  'AUC',
  'caught at 10% deep',
  '20% deep',
  '30% deep',
];
