import type { Policy } from '../domain/policy.js';
import type { ReviewJob } from '../domain/review-job.js';
import { planTiers } from '../review/plan-tiers.js';
import { startReviewDeadline } from '../review/review-deadline.js';
import { catchUpJob } from './catch-up-job.js';
import { decideReview } from './decide-review.js';
import {
  invalidPolicy,
  alreadyReviewed,
  disabledByPolicy,
  labelTakenOff,
  noLongerCurrent,
  routedSkip,
  skippedByCommand,
  unknownModel,
} from './early-endings.js';
import { finishJob } from './finish-job.js';
import { httpStatus } from '../domain/http-status.js';
import { endedWith, type JobOutcome } from './job-outcome.js';
import { openJob, type JobRun } from './open-job.js';
import { readChange } from './read-change.js';
import { supersedeWaitingBatches } from './poll-batch-review.js';
import { raiseBudgetAlerts } from './raise-budget-alerts.js';
import { readContext } from './read-context.js';
import { noteUnreadExtends, readPolicy } from './read-policy.js';
import { reviewOnTier, type LiveJob } from './review-on-tier.js';
import { submitBatchReview } from './submit-batch-review.js';
import type { WorkerDeps } from './types.js';

/**
 * The use case: one ReviewJob through policy, changes, classify, route, review and publish, then
 * one finishing step that writes the ledger rows, settles claims and budget, reports the check
 * run and decides whether the queue retries. Commands in comments have their own handler
 * (run-job.ts sends them there).
 */
export const processReviewJob = async (
  job: ReviewJob,
  deps: WorkerDeps,
  signal: AbortSignal,
  options: ProcessOptions = {},
): Promise<void> => {
  // Every model call of this job spends from one total deadline, counted from now.
  const deadline = startReviewDeadline({
    totalMs: deps.limits.reviewDeadlineMs,
    now: () => deps.now().getTime(),
  });
  try {
    const run = await openJob(job, deps);
    // A stage that throws ends the job as interrupted: the finishing step decides the retry.
    const outcome = await reviewPullRequest(run, deps, { signal, deadline }, options).catch(
      (error: unknown) => endedWith({ interrupted: error }),
    );
    await finishJob(outcome, run, deps);
  } finally {
    deadline.clear();
  }
};

/** Each stage returns a value; the first that ends the job says how. */
const reviewPullRequest = async (
  run: JobRun,
  deps: WorkerDeps,
  live: LiveJob,
  options: ProcessOptions,
): Promise<JobOutcome> => {
  const read = await readPolicy(run.gh, run.ref, run.log);
  if (!read.ok) return invalidPolicy(read.error, run.log);
  const { policy, unread } = read.value;
  const outcome = await reviewUnderPolicy(run, policy, deps, { ...live, ...options });
  return raiseBudgetAlerts(
    noteUnreadExtends(outcome, unread),
    { repo: run.repo, policy, log: run.log, startedAt: run.startedAt },
    deps,
  );
};

const reviewUnderPolicy = async (
  run: JobRun,
  policy: Policy,
  workerDeps: WorkerDeps,
  live: LiveJob & ProcessOptions,
): Promise<JobOutcome> => {
  const deps = { ...workerDeps, jobStartedAt: run.startedAt };
  const pr = await run.gh.getPullRequest(run.ref).catch(goneOr(run.log));
  if (pr === null) return endedWith({});
  const moved = noLongerCurrent(run.job, pr, run.log);
  if (moved !== null) {
    if (pr.state !== 'closed') await deps.enqueue(catchUpJob(run.job, pr.headSha));
    return moved;
  }
  const disabled = disabledByPolicy(policy, run.log);
  if (disabled !== null) return disabled;
  const untouched = labelTakenOff(run.job, policy, run.log);
  if (untouched !== null) return untouched;
  const { batches } = deps;
  if (batches !== undefined) await supersedeWaitingBatches(run, { ...deps, batches });
  const pullState = await deps.ledger.getPullState({ repo: run.repo, pr: run.job.pr });
  if (pullState?.skip) return skippedByCommand(pullState.skip, run.log);
  const reviewed = alreadyReviewed(run.job, policy, pullState?.lastReviewedSha ?? null, run.log);
  if (reviewed !== null) return reviewed;

  const change = await readChange(run, {
    policy,
    pr,
    pullState,
    historyOf: (paths) => deps.ledger.historyOf(run.repo, paths, deps.now()),
  });
  const context = await readContext(run, change, {
    deadline: live.deadline,
    codeCache: deps.codeCache,
  });
  const subject = { ...change, context };
  const { classification } = subject;
  const plans = planTiers({
    ...subject,
    prices: deps.prices,
    maxInputTokens: deps.limits.maxInputTokens,
  });
  if (!plans.ok) return unknownModel(plans.error, classification, run.log);
  const { decision, reservationId } = await decideReview(subject, plans.value, {
    ...deps,
    log: run.log,
  });
  if (decision.tier === 'skip' || decision.model === null)
    return routedSkip(decision, plans.value.deep.wholeUsd, classification);

  const { tier, model, reason, budgetNote } = decision;
  const choice = { tier, model, reason, budgetNote, trim: plans.value[tier].trim };
  const estimateUsd = plans.value[tier].usd;
  const tierOptions = { choice, deepPlan: plans.value.deep, reservationId, estimateUsd };
  if (decision.mode === 'batch' && live.batch !== false && batches !== undefined)
    return submitBatchReview(run, subject, tierOptions, { ...deps, batches }, live);
  return reviewOnTier(run, subject, tierOptions, deps, live);
};

/** `batch: false` reviews now whatever the rules say: a batch that failed or expired runs again. */
export interface ProcessOptions {
  readonly batch?: boolean;
}

export type { WorkerDeps };

/**
 * GitHub no longer has the pull request for this installation (404, 410): the repository was
 * removed from the installation, deleted or transferred. Nothing to review, and nothing a retry
 * would change: the job ends with no row and no check run. Any other failure is thrown.
 */
const goneOr =
  (log: JobRun['log']) =>
  (error: unknown): null => {
    const status = httpStatus(error);
    if (status !== 404 && status !== 410) throw error;
    log.warn({ status }, 'the pull request is gone for this installation: nothing to review');
    return null;
  };
