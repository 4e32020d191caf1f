import type { Calibration } from './calibration.js';
import {
  describeHistory,
  formatPercent,
  METRICS_HEADER,
  metricsRows,
} from './describe-calibration.js';
import {
  describeLevels,
  describeMissedTarget,
  describeRouting,
  describeTargets,
} from './describe-routing.js';
import { renderPolicySnippet } from './render-policy-snippet.js';

const pad = (rows: readonly (readonly string[])[]): string[] => {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths?.[column] ?? 0) : cell.padStart(widths?.[column] ?? 0),
      )
      .join('   ')
      .trimEnd(),
  );
};

/** What `calibrate` prints for people: the history, the table, the suggestion and the snippet. */
export const renderCalibrationTable = (calibration: Calibration, source: string): string => {
  if (calibration.status !== 'ok') {
    return `${source}: ${calibration.reason}`;
  }
  const { suggestion, inForce } = calibration;
  const missed = describeMissedTarget(suggestion);
  return [
    `${source}`,
    ...describeHistory(calibration).map((line) => `  ${line}`),
    '',
    ...pad([METRICS_HEADER, ...metricsRows(calibration.metrics)]).map((line) => `  ${line}`),
    '',
    `The policy in force (levels ${describeLevels(inForce)}), with the app's cost estimates:`,
    ...describeRouting(inForce).map((line) => `  ${line}`),
    '',
    `Suggested levels ${describeTargets(suggestion)} (with the policy's routing rules):`,
    `  medium ${suggestion.levels.medium} takes ${formatPercent(suggestion.shares.medium, 1)} of commits, ` +
      `high ${suggestion.levels.high} ${formatPercent(suggestion.shares.high, 1)}, ` +
      `critical ${suggestion.levels.critical} ${formatPercent(suggestion.shares.critical, 1)}`,
    ...describeRouting(suggestion.routing).map((line) => `  ${line}`),
    ...(missed === null ? [] : [`  ${missed}`]),
    '',
    'Paste into .github/review-router.yml:',
    '',
    renderPolicySnippet(calibration),
  ].join('\n');
};
