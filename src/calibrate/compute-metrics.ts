import type { CurvePoint, ScoredCommit, ScorerId, ScorerMetrics } from './types.js';

/** The deep shares the table reports: the deep tier takes 10%, 20% or 30% of commits. */
export const REPORTED_DEEP_SHARES: readonly number[] = [0.1, 0.2, 0.3];

interface Ranked {
  readonly score: number;
  readonly positive: boolean;
}

/** Groups of equal scores, highest first, with their sizes and positives. */
const tieGroups = (items: readonly Ranked[]): { size: number; positives: number }[] => {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const groups: { size: number; positives: number }[] = [];
  let previous: number | null = null;
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last !== undefined && item.score === previous) {
      last.size += 1;
      last.positives += item.positive ? 1 : 0;
    } else {
      groups.push({ size: 1, positives: item.positive ? 1 : 0 });
    }
    previous = item.score;
  }
  return groups;
};

/**
 * ROC AUC: the chance that a random positive scores above a random negative, ties counting
 * half (the Mann-Whitney statistic). NaN when either class is empty.
 */
export const computeAuc = (items: readonly Ranked[]): number => {
  const positives = items.filter((item) => item.positive).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let negativesBelow = negatives;
  let wins = 0;
  for (const group of tieGroups(items)) {
    const groupNegatives = group.size - group.positives;
    negativesBelow -= groupNegatives;
    wins += group.positives * (negativesBelow + groupNegatives / 2);
  }
  return wins / (positives * negatives);
};

/**
 * The share of positives among the top `share` of items by score. Where the cut falls inside a
 * group of equal scores, that group is taken in proportion: the expected catch when ties are
 * broken at random, so a coarse score is neither flattered nor punished by input order.
 */
export const computeCatchRate = (items: readonly Ranked[], share: number): number => {
  const positives = items.filter((item) => item.positive).length;
  if (positives === 0) return Number.NaN;
  let budget = share * items.length;
  let caught = 0;
  for (const group of tieGroups(items)) {
    if (budget <= 0) break;
    const taken = Math.min(group.size, budget);
    caught += (group.positives * taken) / group.size;
    budget -= taken;
  }
  return caught / positives;
};

/** The catch curve at every percent routed deep, 0% to 100%. */
export const computeCatchCurve = (items: readonly Ranked[]): CurvePoint[] =>
  Array.from({ length: 101 }, (_, percent) => ({
    share: percent / 100,
    caught: computeCatchRate(items, percent / 100),
  }));

/** One scorer's view of the commits. */
export const rankedBy = (commits: readonly ScoredCommit[], scorer: ScorerId): Ranked[] =>
  commits.map((commit) => ({ score: commit.scores[scorer], positive: commit.bugInducing }));

export const computeScorerMetrics = (
  commits: readonly ScoredCommit[],
  scorer: ScorerId,
): ScorerMetrics => {
  const ranked = rankedBy(commits, scorer);
  return {
    scorer,
    auc: computeAuc(ranked),
    catchRates: REPORTED_DEEP_SHARES.map((deepShare) => ({
      deepShare,
      caught: computeCatchRate(ranked, deepShare),
    })),
  };
};
