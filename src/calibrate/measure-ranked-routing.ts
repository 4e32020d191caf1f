import { routingFigures, type RoutingFigures } from './measure-routing.js';
import type { ScoredCommit, ScorerId } from './types.js';

/**
 * A baseline's routing at a given deep share: of the commits the policy reviews, the ones a
 * scorer ranks highest go deep until `deepShare` of all commits has (a group of equal scores
 * taken in proportion), the rest fast; the skipped stay skipped. For comparing the policy with,
 * say, lines added at the same deep share. Its `levels` are the policy's, which it does not use.
 */
export const measureRankedRouting = (options: {
  readonly commits: readonly ScoredCommit[];
  readonly scorer: ScorerId;
  readonly deepShare: number;
  readonly levels: RoutingFigures['levels'];
}): RoutingFigures => {
  const { commits, scorer } = options;
  const reviewed = commits.filter((commit) =>
    Object.values(commit.route.tierByLevel).some((tier) => tier !== 'skip'),
  );
  const bugs = commits.filter((commit) => commit.bugInducing).length;
  const allDeepUsd = commits.reduce((sum, commit) => sum + commit.route.costUsd.deep, 0);
  const allFastUsd = commits.reduce((sum, commit) => sum + commit.route.costUsd.fast, 0);
  const groups = new Map<number, ScoredCommit[]>();
  for (const commit of reviewed) {
    const group = groups.get(commit.scores[scorer]) ?? [];
    group.push(commit);
    groups.set(commit.scores[scorer], group);
  }
  let budget = Math.min(options.deepShare * commits.length, reviewed.length);
  let costUsd = reviewed.reduce((sum, commit) => sum + commit.route.costUsd.fast, 0);
  let caught = 0;
  let deep = 0;
  for (const [, group] of [...groups].sort(([a], [b]) => b - a)) {
    if (budget <= 0) break;
    const share = Math.min(group.length, budget) / group.length;
    for (const commit of group) {
      costUsd += share * (commit.route.costUsd.deep - commit.route.costUsd.fast);
      if (commit.bugInducing) caught += share;
    }
    deep += share * group.length;
    budget -= share * group.length;
  }
  return routingFigures(options.levels, {
    commits: commits.length,
    deep,
    skipped: commits.length - reviewed.length,
    bugs,
    caught,
    costUsd,
    allDeepUsd,
    allFastUsd,
  });
};
