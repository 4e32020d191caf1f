import type { Policy } from '../domain/policy.js';
import { riskLevelOf } from '../classify/score-risk.js';
import type { ScoredCommit } from './types.js';

type Levels = Policy['risk']['levels'];

/** What a policy's routing would have done with the measured commits, and what it would cost. */
export interface RoutingFigures {
  readonly levels: Levels;
  /** Share of commits routed deep. */
  readonly deepShare: number;
  /** Share of commits the skip rules leave unreviewed. */
  readonly skipShare: number;
  /** Share of the bug-inducing commits routed deep (NaN when there are none). */
  readonly caught: number;
  /** The app's estimate of the reviews as routed, in USD. */
  readonly costUsd: number;
  /** The same commits, every one reviewed on the deep tier; and every one on the fast tier. */
  readonly allDeepUsd: number;
  readonly allFastUsd: number;
  /** `costUsd` as a share of `allDeepUsd`, and as a multiple of `allFastUsd`. */
  readonly costVsAllDeep: number;
  readonly costVsAllFast: number;
}

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : Number.NaN);

/** The counts and sums a routing adds up over the commits, fractional where a group is split. */
export interface RoutingTotals {
  readonly commits: number;
  readonly deep: number;
  readonly skipped: number;
  readonly bugs: number;
  readonly caught: number;
  readonly costUsd: number;
  readonly allDeepUsd: number;
  readonly allFastUsd: number;
}

/** The shares and ratios of a routing, from its totals (NaN where a share has no whole). */
export const routingFigures = (levels: Levels, totals: RoutingTotals): RoutingFigures => ({
  levels,
  deepShare: ratio(totals.deep, totals.commits),
  skipShare: ratio(totals.skipped, totals.commits),
  caught: ratio(totals.caught, totals.bugs),
  costUsd: totals.costUsd,
  allDeepUsd: totals.allDeepUsd,
  allFastUsd: totals.allFastUsd,
  costVsAllDeep: ratio(totals.costUsd, totals.allDeepUsd),
  costVsAllFast: ratio(totals.costUsd, totals.allFastUsd),
});

/**
 * Routes every commit as the policy's rules would with these `risk.levels` (its score gives its
 * level, its recorded `tierByLevel` the tier) and adds up what the app estimated each review to
 * cost on the tier it got; a skipped commit costs nothing.
 */
export const measureRouting = (
  commits: readonly ScoredCommit[],
  levels: Levels,
): RoutingFigures => {
  let deep = 0;
  let skipped = 0;
  let bugs = 0;
  let caught = 0;
  let costUsd = 0;
  let allDeepUsd = 0;
  let allFastUsd = 0;
  for (const commit of commits) {
    const { costUsd: cost, tierByLevel } = commit.route;
    const tier = tierByLevel[riskLevelOf(commit.scores.classifier, levels)];
    allDeepUsd += cost.deep;
    allFastUsd += cost.fast;
    if (commit.bugInducing) bugs += 1;
    if (tier === 'skip') skipped += 1;
    else costUsd += cost[tier];
    if (tier !== 'deep') continue;
    deep += 1;
    if (commit.bugInducing) caught += 1;
  }
  return routingFigures(levels, {
    commits: commits.length,
    deep,
    skipped,
    bugs,
    caught,
    costUsd,
    allDeepUsd,
    allFastUsd,
  });
};
