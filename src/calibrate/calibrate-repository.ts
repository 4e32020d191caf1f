import { blameFixCommit } from './blame-fix-commit.js';
import { computeCatchCurve, computeScorerMetrics, rankedBy } from './compute-metrics.js';
import { isFixMessage, readRevertedShas } from './detect-fix-message.js';
import { labelBugInducing } from './label-bug-inducing.js';
import { listBlameTargets } from './list-blame-targets.js';
import { listCommits } from './list-commits.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { readCommitPatches } from './read-commit-patches.js';
import { readHistoriesBefore } from './read-histories-before.js';
import { scoreCommit } from './score-commit.js';
import { selectEvaluatedCommits } from './select-evaluated-commits.js';
import { chooseSuggestion } from './choose-suggestion.js';
import { computeCostCurve } from './compute-cost-curve.js';
import { measureRouting } from './measure-routing.js';
import type { CalibrateOptions, Calibration } from './calibration.js';
import { SCORER_IDS } from './types.js';
import type { FixCommit, ScoredCommit } from './types.js';

const DAY = 86_400;

/**
 * Mines one repository's history and measures how well the classifier's risk score finds the
 * commits that later needed a fix, next to three baselines:
 *
 * 1. list every non-merge commit; evaluate those with `followUpDays` of history after them
 *    (the newest `maxCommits`, on or after `since`);
 * 2. read every patch from the oldest evaluated commit on, in one `git log -p` stream: score the
 *    evaluated ones, and keep the lines each fix commit deleted or changed in source files;
 * 3. blame those lines in each fix's parent (bounded concurrency, cached) and label the commits
 *    they come from, and every reverted commit, as bug-inducing;
 * 4. compute AUC, catch rates and curves per scorer; what the policy's routing caught and
 *    cost, with the app's own estimates; and the `risk.levels` for `deepRate` or `targetCost`.
 */
export const calibrateRepository = async (options: CalibrateOptions): Promise<Calibration> => {
  const started = Date.now();
  const targetCost = options.targetCost ?? null;
  // Without either target, the suggestion is for a fifth of the changes deep.
  const deepRate = options.deepRate ?? (targetCost === null ? 0.2 : null);
  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: 'listing commits', done: 0, total: 0 });
  const all = await listCommits(options.gitDir, options.rev);
  const selection = selectEvaluatedCommits(all, options);
  if (selection.status !== 'ok') return { ...selection, elapsedMs: Date.now() - started };

  const evaluated = new Set(selection.commits.map((commit) => commit.sha));
  const firstCommitBy = new Map<string, string>();
  for (const commit of all) firstCommitBy.set(commit.authorEmail, commit.sha);
  const windowStart = selection.commits.reduce(
    (oldest, commit) => Math.min(oldest, commit.commitTime),
    Number.POSITIVE_INFINITY,
  );
  const streamed = all.filter((commit) => commit.commitTime >= windowStart - DAY).length;
  const histories =
    options.history === true
      ? await readHistoriesBefore(options.gitDir, evaluated, options.rev)
      : new Map<string, null>();

  const scored: ScoredCommit[] = [];
  const fixes: FixCommit[] = [];
  const reverted: string[] = [];
  let read = 0;
  for await (const commit of readCommitPatches({
    gitDir: options.gitDir,
    ...(options.rev === undefined ? {} : { rev: options.rev }),
    since: windowStart - DAY,
  })) {
    read += 1;
    if (read % 200 === 0) progress({ stage: 'reading patches', done: read, total: streamed });
    if (evaluated.has(commit.sha)) {
      const first = firstCommitBy.get(commit.authorEmail) === commit.sha;
      scored.push(
        scoreCommit({
          commit,
          policy: options.policy,
          prices: options.prices,
          maxInputTokens: options.maxInputTokens,
          authorAssociation: first ? 'FIRST_TIME_CONTRIBUTOR' : null,
          history: histories.get(commit.sha) ?? null,
        }),
      );
    }
    if (commit.commitTime < windowStart) continue;
    reverted.push(...readRevertedShas(commit.message));
    if (!isFixMessage(commit.message)) continue;
    const targets = listBlameTargets(commit.diff, options.blameAllFiles === true);
    if (targets.length > 0) fixes.push({ sha: commit.sha, commitTime: commit.commitTime, targets });
  }
  progress({ stage: 'reading patches', done: read, total: streamed });

  let blamedCount = 0;
  const blamed = await mapWithConcurrency(fixes, options.concurrency, async (fix) => {
    const shas = await blameFixCommit({
      gitDir: options.gitDir,
      fix,
      since: windowStart - DAY,
      cacheDir: options.cacheDir,
    });
    blamedCount += 1;
    if (blamedCount % 25 === 0 || blamedCount === fixes.length) {
      progress({ stage: 'blaming fix commits', done: blamedCount, total: fixes.length });
    }
    return { fix: fix.sha, shas };
  });
  const labels = labelBugInducing({ evaluated, blamed, reverted });
  const commits = scored
    .map((commit) => ({ ...commit, bugInducing: labels.has(commit.sha) }))
    .sort((a, b) => b.commitTime - a.commitTime);

  return {
    status: 'ok',
    headSha: selection.headSha,
    headTime: selection.headTime,
    from: commits.at(-1)?.commitTime ?? windowStart,
    to: commits[0]?.commitTime ?? windowStart,
    totalCommits: all.length,
    fixCommits: fixes.length,
    bugInducing: labels.size,
    commits,
    metrics: SCORER_IDS.map((scorer) => computeScorerMetrics(commits, scorer)),
    curves: SCORER_IDS.map((scorer) => ({
      scorer,
      points: computeCatchCurve(rankedBy(commits, scorer)),
    })),
    costCurves: SCORER_IDS.map((scorer) => ({ scorer, points: computeCostCurve(commits, scorer) })),
    inForce: measureRouting(commits, options.policy.risk.levels),
    suggestion: chooseSuggestion(commits, options.policy, { deepRate, targetCost }),
    deepRate,
    targetCost,
    elapsedMs: Date.now() - started,
  };
};
