import type { Policy } from '../domain/policy.js';
import { measureRouting, type RoutingFigures } from './measure-routing.js';
import {
  candidateThresholds,
  levelsWithDeepAt,
  thresholdForShare,
  type DeepLevel,
  type SuggestedLevels,
} from './suggest-risk-levels.js';
import type { ScoredCommit } from './types.js';

/** What the suggestion is asked to meet; null when not asked. */
export interface SuggestionTargets {
  /** The share of commits the deep tier should take (closest to it). */
  readonly deepRate: number | null;
  /** The most the routed reviews may cost, as a share of reviewing every commit deep. */
  readonly targetCost: number | null;
}

export interface Suggestion extends SuggestedLevels, SuggestionTargets {
  /** What the suggested levels would have done with the policy's rules, and cost. */
  readonly routing: RoutingFigures;
  /** False when even the fewest deep reviews the scores allow cost more than `targetCost`. */
  readonly withinTargetCost: boolean;
}

const DEEP_LEVELS: readonly DeepLevel[] = ['medium', 'high', 'critical'];

/**
 * The lowest risk level a rule of the policy sends deep on risk alone (`{ risk: [...] }`): where
 * the deep tier begins, and the level the suggestion moves. `high` when no rule says.
 */
export const deepLevelOf = (policy: Policy): DeepLevel =>
  DEEP_LEVELS.find((level) =>
    policy.routing.rules.some(
      (rule) =>
        rule.tier === 'deep' &&
        Object.keys(rule.when).length === 1 &&
        rule.when.risk?.includes(level) === true,
    ),
  ) ?? 'high';

/**
 * The lowest threshold (the most changes deep) whose routing costs at most `targetCost` of
 * all-deep; the highest when none does.
 */
const lowestWithinCost = (options: {
  readonly commits: readonly ScoredCommit[];
  readonly candidates: readonly number[];
  readonly place: (threshold: number) => SuggestedLevels;
  readonly targetCost: number;
}): number => {
  const { commits, candidates, place, targetCost } = options;
  const within = candidates.find(
    (threshold) => measureRouting(commits, place(threshold).levels).costVsAllDeep <= targetCost,
  );
  return within ?? candidates.at(-1) ?? 0.98;
};

/**
 * The suggested `risk.levels`, with the policy's routing rules: the level where its deep tier
 * begins is placed for the deep rate (the share of commits at or above it closest to the rate),
 * or at the lowest score whose routing costs at most `targetCost` of all-deep, or, when both are
 * asked, at the higher of the two, so that it meets both.
 */
export const chooseSuggestion = (
  commits: readonly ScoredCommit[],
  policy: Policy,
  targets: SuggestionTargets,
): Suggestion => {
  const scores = commits.map((commit) => commit.scores.classifier);
  const deepLevel = deepLevelOf(policy);
  const place = (threshold: number): SuggestedLevels =>
    levelsWithDeepAt({ scores, policyLevels: policy.risk.levels, deepLevel, threshold });
  const byRate = targets.deepRate === null ? 0 : thresholdForShare(scores, targets.deepRate);
  const byCost =
    targets.targetCost === null
      ? 0
      : lowestWithinCost({
          commits,
          candidates: candidateThresholds(scores),
          place,
          targetCost: targets.targetCost,
        });
  const chosen = place(Math.max(byRate, byCost, 0.01));
  const routing = measureRouting(commits, chosen.levels);
  return {
    ...chosen,
    ...targets,
    routing,
    withinTargetCost: targets.targetCost === null || routing.costVsAllDeep <= targets.targetCost,
  };
};
