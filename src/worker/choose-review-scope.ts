import { classifyChange } from '../classify/classify-change.js';
import { fromGitHubFiles } from '../changes/from-github-files.js';
import { keepOwnHunks } from '../changes/keep-own-hunks.js';
import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { ChangeHistory } from '../domain/history.js';
import type { Log } from '../domain/log.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, ReviewJob, Trigger } from '../domain/review-job.js';
import type { ReviewScope } from '../domain/review-scope.js';
import type { GitHubPort, PullRef } from '../github/types.js';
import type { PullState } from '../ledger/types.js';
import { isRoutingLabel } from '../route/find-skip-rule.js';
import type { OmittedFile } from '../publish/render-summary.js';
import { leaveOutGenerated } from './leave-out-generated.js';

export interface ScopeInput {
  readonly job: ReviewJob;
  readonly gh: GitHubPort;
  readonly ref: PullRef;
  readonly policy: Policy;
  readonly pr: PullRequestFacts;
  /** The whole pull request, as its files API lists it. */
  readonly pullDiff: DiffModel;
  readonly state: PullState | null;
  readonly log: Log;
  /** What the pull request's diff went through before any model sees it (secret redaction). */
  readonly redact: (increment: DiffModel) => DiffModel;
  /** The repository's history before now for the pull request's paths; null without history. */
  readonly history?: ChangeHistory | null;
}

export interface ScopedChange {
  readonly scope: ReviewScope;
  /**
   * What the model reviews: the whole pull request, or what changed since the last review; without
   * lockfiles and generated code, which are in `leftOut`.
   */
  readonly diff: DiffModel;
  readonly leftOut: readonly OmittedFile[];
  /** What routing, the prompt and the ledger use. */
  readonly classification: Classification;
  /** The whole pull request's classification. */
  readonly pullClassification: Classification;
}

const short = (sha: string): string => sha.slice(0, 7);

/** A file "makes the pull request risky" when its own risk reaches the policy's medium level. */
const riskyPathsOf = (classification: Classification, policy: Policy): Set<string> =>
  new Set(
    classification.fileRisk
      .filter((file) => file.score > 0 && file.score >= policy.risk.levels.medium)
      .map((file) => file.path),
  );

/**
 * The events that stand for the pushes since the last review: a push, and an event that reviews
 * a head the pushes before it left unreviewed (a draft made ready, a reopen, a skip label taken
 * off, a re-run of a failed review, a job that caught up with a newer head). A command, a label
 * that picks a tier and a forced tier ask for the whole pull request.
 */
const followsLastReview = (job: ReviewJob, policy: Policy): boolean => {
  if (job.forcedTier !== null) return false;
  if (job.trigger === 'labeled')
    return job.label === undefined || !isRoutingLabel(policy, job.label);
  return INCREMENTAL_TRIGGERS.has(job.trigger);
};

const INCREMENTAL_TRIGGERS: ReadonlySet<Trigger> = new Set([
  'synchronize',
  'ready_for_review',
  'reopened',
  'unlabeled',
  'rerequested',
]);

/**
 * On a push (or an event that stands for the pushes, `followsLastReview`) to a pull request the
 * app has reviewed before, only what changed since that review's head SHA is reviewed: the
 * compare API between the two SHAs, kept to the pull request's own files and hunks (a merge of
 * the base branch brings others). When the old SHA is no longer an ancestor of the head (a
 * force-push), or GitHub cannot compare, the whole pull request is reviewed. The increment is routed on its own size and risk, unless it touches a file that makes
 * the whole pull request risky: then it carries the whole pull request's risk.
 */
export const chooseReviewScope = async (input: ScopeInput): Promise<ScopedChange> => {
  const { job, policy, pr, pullDiff, state } = input;
  const classify = (diff: DiffModel) =>
    classifyChange({
      diff,
      policy,
      authorAssociation: pr.authorAssociation,
      history: input.history ?? null,
    });
  const pullClassification = classify(pullDiff);
  const reviewable = (diff: DiffModel) => leaveOutGenerated(diff, policy.review.ignore_paths);
  const full = (note: string | null): ScopedChange => ({
    scope: { kind: 'full', note },
    ...reviewable(pullDiff),
    classification: pullClassification,
    pullClassification,
  });
  const base = state?.lastReviewedSha ?? null;
  if (!followsLastReview(job, policy) || base === null || base === job.headSha) return full(null);

  // A retarget changes what the pull request is against; the compare of its heads does not show it.
  const lastBase = state?.lastReviewedBase ?? null;
  if (lastBase !== null && lastBase !== pr.baseRef)
    return full(`the base branch changed from ${lastBase} to ${pr.baseRef} since the last review`);

  let compared;
  try {
    compared = await input.gh.compareCommits(input.ref, { base, head: job.headSha });
  } catch (error) {
    input.log.warn({ base, err: error }, 'cannot compare with the last review');
    return full(`GitHub could not compare with ${short(base)}, the commit reviewed last`);
  }
  if (!compared.found || compared.status === 'diverged' || compared.status === 'behind') {
    return full(
      `${short(base)}, the commit reviewed last, is no longer in this branch's history (a force-push?)`,
    );
  }
  if (compared.filesCapped) {
    return full(`more than ${compared.files.length} files changed since ${short(base)}`);
  }

  const pullPaths = new Set(pullDiff.files.map((file) => file.path));
  // Past GitHub's 3,000-file listing a file of the pull request may be missing from the list: a
  // changed file is then taken for the pull request's, never dropped unseen.
  const inPull = (path: string) => pullDiff.truncated || pullPaths.has(path);
  const inPullFiles = input.redact(
    fromGitHubFiles(
      compared.files.filter((file) => inPull(file.filename)),
      { truncated: false },
    ),
  );
  // Only a merge brings changes that are not the pull request's own into its files.
  const incrementDiff = compared.mayHoldMerge ? keepOwnHunks(inPullFiles, pullDiff) : inPullFiles;
  // The files that left the pull request since (deleted, reverted), for following findings only.
  const left = fromGitHubFiles(
    compared.files.filter((file) => !inPull(file.filename)),
    { truncated: false },
  ).files;
  const increment = classify(incrementDiff);
  const risky = riskyPathsOf(pullClassification, policy);
  const touched = incrementDiff.files.map((file) => file.path).filter((path) => risky.has(path));
  const routedOn = touched.length > 0 ? 'pull-request' : 'increment';
  return {
    scope: {
      kind: 'incremental',
      baseSha: base,
      commits: compared.aheadBy,
      files: incrementDiff.files.length,
      pullFiles: pullDiff.files.length,
      routedOn,
      touchedRiskyPaths: touched,
      pullRisk: pullClassification.risk,
      compared: { ...inPullFiles, files: [...inPullFiles.files, ...left] },
    },
    ...reviewable(incrementDiff),
    classification:
      routedOn === 'pull-request' ? { ...increment, risk: pullClassification.risk } : increment,
    pullClassification,
  };
};
