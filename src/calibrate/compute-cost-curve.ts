import type { ScoredCommit, ScorerId } from './types.js';

/** One point of a cost curve: at this estimated cost (share of all-deep), this share caught. */
export interface CostPoint {
  readonly cost: number;
  readonly caught: number;
}

interface Group {
  extraUsd: number;
  positives: number;
}

/**
 * Catch against cost for one scorer: the commits the policy reviews start on the fast tier (the
 * ones its skip rules leave out stay unreviewed), then move to the deep tier highest score first;
 * each point is the routed cost, as a share of reviewing every commit deep, and the share of the
 * bug-inducing commits on the deep tier. A group of equal scores moves together, so the line
 * between two points is the expected catch when ties are broken at random.
 */
export const computeCostCurve = (
  commits: readonly ScoredCommit[],
  scorer: ScorerId,
): CostPoint[] => {
  const bugs = commits.filter((commit) => commit.bugInducing).length;
  const allDeep = commits.reduce((sum, commit) => sum + commit.route.costUsd.deep, 0);
  if (bugs === 0 || allDeep <= 0) return [];
  const reviewed = commits.filter((commit) =>
    Object.values(commit.route.tierByLevel).some((tier) => tier !== 'skip'),
  );
  const groups = new Map<number, Group>();
  let cost = 0;
  for (const commit of reviewed) {
    const { fast, deep } = commit.route.costUsd;
    cost += fast;
    const score = commit.scores[scorer];
    const group = groups.get(score) ?? { extraUsd: 0, positives: 0 };
    group.extraUsd += deep - fast;
    group.positives += commit.bugInducing ? 1 : 0;
    groups.set(score, group);
  }
  let caught = 0;
  const points: CostPoint[] = [{ cost: cost / allDeep, caught: 0 }];
  for (const [, group] of [...groups].sort(([a], [b]) => b - a)) {
    cost += group.extraUsd;
    caught += group.positives;
    points.push({ cost: cost / allDeep, caught: caught / bugs });
  }
  return points;
};
