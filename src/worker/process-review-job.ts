import { fromGitHubFiles } from '../changes/from-github-files.js';
import { errorMessage } from '../domain/errors.js';
import type { ReviewJob } from '../domain/review-job.js';
import { repoFullName } from '../domain/review-job.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { buildLedgerEntry } from './build-ledger-entry.js';
import { chooseReviewScope } from './choose-review-scope.js';
import { decideReview } from './decide-review.js';
import { planTiers, type TierPlans } from './plan-tiers.js';
import { readPolicy } from './read-policy.js';
import type { ReviewContext } from './review-context.js';
import { startReviewDeadline, type ReviewDeadline } from './review-deadline.js';
import { reviewOnTier } from './review-on-tier.js';
import { runCommand } from './run-command.js';
import { skipByCommand } from './skip-by-command.js';
import { skipReview } from './skip-review.js';
import type { WorkerDeps } from './types.js';
import { postFinishedCheck } from './post-finished-check.js';

/**
 * The use case: one ReviewJob through policy, changes, classify, route, review, publish, ledger.
 * Throws only for failures worth retrying (GitHub down); everything expected ends in a check run.
 */
export const processReviewJob = async (
  job: ReviewJob,
  deps: WorkerDeps,
  signal: AbortSignal,
): Promise<void> => {
  if (job.command !== undefined) {
    // A command in a comment: permission, reply, and for `/review` this pipeline on the current head.
    await runCommand(job, deps, (review) => processReviewJob(review, deps, signal));
    return;
  }
  // Every model call of this job spends from one total deadline, counted from now.
  const deadline = startReviewDeadline({
    totalMs: deps.limits.reviewDeadlineMs,
    now: () => deps.now().getTime(),
  });
  try {
    await reviewPullRequest(job, deps, { signal, deadline });
  } finally {
    deadline.clear();
  }
};

/** The pipeline for a pull request event or a `/review` command, once the job has its deadline. */
const reviewPullRequest = async (
  job: ReviewJob,
  deps: WorkerDeps,
  { signal, deadline }: { signal: AbortSignal; deadline: ReviewDeadline },
): Promise<void> => {
  const repo = repoFullName(job);
  const log = deps.log.child({
    deliveryId: job.deliveryId,
    repo,
    pr: job.pr,
    headSha: job.headSha,
  });
  const gh = await deps.github(job.installationId);
  const ref = { owner: job.owner, repo: job.repo, pr: job.pr };
  const startedAt = deps.now().toISOString();
  const finish = () => deps.now().toISOString();

  const policy = await readPolicy(gh, ref);
  if (!policy.ok) {
    log.warn({ problems: policy.error.problems.length }, 'invalid policy file: no model called');
    await postFinishedCheck(gh, { ref, headSha: job.headSha }, 'failure', {
      title: 'Invalid policy file: no review was run',
      summary: policy.error.markdown,
    });
    await deps.ledger.record(
      buildLedgerEntry({
        job,
        startedAt,
        finishedAt: finish(),
        classification: null,
        tier: 'skip',
        outcome: 'failed',
        reason: 'invalid policy file',
        error: policy.error.summary,
      }),
    );
    return;
  }

  const pr = await gh.getPullRequest(ref);
  if (pr.state === 'closed' || pr.headSha !== job.headSha) {
    const reason =
      pr.state === 'closed'
        ? 'pull request closed before review'
        : `head moved to ${pr.headSha.slice(0, 7)} before review`;
    log.info(
      { currentHead: pr.headSha, state: pr.state },
      'job no longer current: nothing reviewed',
    );
    await deps.ledger.record(
      buildLedgerEntry({
        job,
        startedAt,
        finishedAt: finish(),
        classification: null,
        tier: 'skip',
        outcome: pr.state === 'closed' ? 'skipped' : 'superseded',
        reason,
      }),
    );
    return;
  }

  const pullState = await deps.ledger.getPullState({ repo, pr: job.pr });
  if (pullState?.skip) {
    await skipByCommand({ job, deps, gh, ref, log, startedAt }, pullState.skip);
    return;
  }

  const { files, truncated } = await gh.listFiles(ref);
  // Secrets never leave for a model provider: every stage below sees the redacted change.
  const redacted = redactSecrets(fromGitHubFiles(files, { truncated }), pr);
  if (redacted.report.findings.length + redacted.report.notes.length > 0)
    log.warn({ lines: redacted.report.findings.length }, 'possible secrets redacted');
  // A push to a pull request reviewed before: only what changed since then.
  const scoped = await chooseReviewScope({
    job,
    gh,
    ref,
    policy: policy.value,
    pr,
    pullDiff: redacted.diff,
    state: pullState,
    log,
    redact: (increment) => redactSecrets(increment, pr).diff,
  });
  const { diff, classification } = scoped;
  const context: ReviewContext = {
    job,
    deps,
    log,
    gh,
    ref,
    repo,
    startedAt,
    policy: policy.value,
    pr: redacted.pr,
    diff,
    classification,
    signal,
    deadline,
    secrets: redacted.report,
    scope: scoped.scope,
    pullDiff: redacted.diff,
    pullState,
    leftOut: scoped.leftOut,
  };

  let plans: TierPlans;
  try {
    plans = planTiers({
      policy: policy.value,
      classification,
      diff,
      pr: redacted.pr,
      prices: deps.prices,
      maxInputTokens: deps.limits.maxInputTokens,
    });
  } catch (error) {
    // An unknown model in the policy: a configuration problem the check run must name.
    const message = errorMessage(error);
    log.warn({ err: error }, "cannot price the policy's models: no model called");
    await postFinishedCheck(gh, { ref, headSha: job.headSha }, 'failure', {
      title: 'No review: a model in the policy has no price',
      summary: message,
    });
    await deps.ledger.record(
      buildLedgerEntry({
        job,
        startedAt,
        finishedAt: finish(),
        classification,
        tier: 'skip',
        outcome: 'failed',
        reason: 'unknown model',
        error: message,
      }),
    );
    return;
  }
  const { decision, reservationId } = await decideReview(context, plans);
  log.info(
    {
      tier: decision.tier,
      rule: decision.rule,
      risk: classification.risk.score,
      size: classification.size,
      budget: decision.budgetNote,
    },
    'routed',
  );

  if (decision.tier === 'skip' || decision.model === null) {
    await skipReview(context, decision, plans.deep.wholeUsd);
    return;
  }

  await reviewOnTier(context, {
    choice: {
      tier: decision.tier,
      model: decision.model,
      reason: decision.reason,
      budgetNote: decision.budgetNote,
      trim: plans[decision.tier].trim,
    },
    deepPlan: plans.deep,
    reservationId,
  });
};

export type { WorkerDeps };
