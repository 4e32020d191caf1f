import type { Suggestion } from './choose-suggestion.js';
import { formatPercent } from './describe-calibration.js';
import type { RoutingFigures } from './measure-routing.js';

const usd = (value: number): string => `$${value.toFixed(2)}`;

const multiple = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)}x`);

/** "medium 0.1, high 0.18, critical 0.45". */
export const describeLevels = ({ levels }: RoutingFigures): string =>
  `medium ${levels.medium}, high ${levels.high}, critical ${levels.critical}`;

/** What a routing did and cost, in two lines: shares first, then dollars. */
export const describeRouting = (figures: RoutingFigures): string[] => [
  `deep ${formatPercent(figures.deepShare, 1)} of commits (skipped ${formatPercent(figures.skipShare, 1)}), ` +
    `caught ${formatPercent(figures.caught, 1)} of the bug-inducing ones`,
  `estimated cost ${usd(figures.costUsd)}: ${formatPercent(figures.costVsAllDeep, 1)} of all-deep ` +
    `(${usd(figures.allDeepUsd)}), ${multiple(figures.costVsAllFast)} all-fast (${usd(figures.allFastUsd)})`,
];

/** "for 20% deep", "within 30% of the all-deep cost", or both. */
export const describeTargets = (suggestion: Suggestion): string => {
  const parts = [
    suggestion.deepRate === null ? null : `for ${formatPercent(suggestion.deepRate)} deep`,
    suggestion.targetCost === null
      ? null
      : `within ${formatPercent(suggestion.targetCost)} of the all-deep cost`,
  ].filter((part) => part !== null);
  return parts.join(' and ');
};

/** Said when no levels could meet the target cost: even the fewest deep reviews cost more. */
export const describeMissedTarget = (suggestion: Suggestion): string | null =>
  suggestion.withinTargetCost || suggestion.targetCost === null
    ? null
    : `no levels stay within ${formatPercent(suggestion.targetCost)} of the all-deep cost: ` +
      'these route the fewest changes deep the scores allow';
