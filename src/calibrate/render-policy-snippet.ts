import { formatCount } from '../domain/format-count.js';
import type { CalibrationResult } from './calibration.js';
import { formatDay, formatPercent } from './describe-calibration.js';
import { measureRankedRouting } from './measure-ranked-routing.js';

/**
 * The YAML to paste into `.github/review-router.yml`: the suggested `risk.levels`, with comments
 * that say what they were measured on and what they would have done.
 */
export const renderPolicySnippet = (result: CalibrationResult): string => {
  const { levels, routing } = result.suggestion;
  const baseline = measureRankedRouting({
    commits: result.commits,
    scorer: 'lines-added',
    deepShare: routing.deepShare,
    levels,
  }).caught;
  return [
    `# review-router calibrate, ${formatCount(result.commits.length)} commits ${formatDay(result.from)} to ${formatDay(result.to)}:`,
    `# with the routing rules in force these levels would have sent ${formatPercent(routing.deepShare, 1)} of them deep`,
    `# and ${formatPercent(routing.caught)} of the bug-inducing ones (lines added alone, as many deep: ${formatPercent(baseline)}),`,
    `# at an estimated ${formatPercent(routing.costVsAllDeep)} of the cost of reviewing all of them deep.`,
    'risk:',
    `  levels: { medium: ${levels.medium}, high: ${levels.high}, critical: ${levels.critical} }`,
  ].join('\n');
};
