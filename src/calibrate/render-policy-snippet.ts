import type { CalibrationResult } from './calibration.js';
import { caughtAt, formatDay, formatPercent } from './describe-calibration.js';

/**
 * The YAML to paste into `.github/review-router.yml`: the suggested `risk.levels`, with comments
 * that say what they were measured on and what they would have done.
 */
export const renderPolicySnippet = (result: CalibrationResult): string => {
  const { levels, shares } = result.suggestion;
  const caught = caughtAt(result, 'classifier', shares.high);
  const baseline = caughtAt(result, 'lines-added', shares.high);
  return [
    `# review-router calibrate, ${result.commits.length.toLocaleString('en-US')} commits ${formatDay(result.from)} to ${formatDay(result.to)}:`,
    `# risk high or critical (routed deep by default) would have taken ${formatPercent(shares.high, 1)} of them`,
    `# and ${formatPercent(caught)} of the bug-inducing ones (lines added alone: ${formatPercent(baseline)}).`,
    'risk:',
    `  levels: { medium: ${levels.medium}, high: ${levels.high}, critical: ${levels.critical} }`,
  ].join('\n');
};
