/** The ways a job ends before a model is asked, as outcomes for the finishing step. */
import type { Classification } from '../domain/classification.js';
import type { Log } from '../domain/log.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, ReviewJob } from '../domain/review-job.js';
import type { SkipRequest } from '../ledger/types.js';
import type { UnpricedModel } from '../review/plan-tiers.js';
import type { RouteDecision } from '../route/types.js';
import { isRoutingLabel, isSkipLabel } from '../route/find-skip-rule.js';
import { endedWith, stopped, type JobOutcome } from './job-outcome.js';
import type { PolicyFailure } from './read-policy.js';

/**
 * An `unlabeled` event for a label that is not one of `skip.labels`: the review is what it was,
 * so the job ends with no row and no check run. Taking a skip label off reviews the head it had
 * kept from review. A job with no label (one queued for the current head by a stale job) reviews.
 */
export const labelTakenOff = (job: ReviewJob, policy: Policy, log: Log): JobOutcome | null => {
  if (job.trigger !== 'unlabeled' || job.label === undefined || isSkipLabel(policy, job.label))
    return null;
  log.info(
    { label: job.label },
    'a label other than a skip label was taken off: nothing to review',
  );
  return endedWith({});
};

/** Events that ask for no review in themselves: they review a head that has none yet. */
const SECOND_LOOK_TRIGGERS: readonly ReviewJob['trigger'][] = [
  'labeled',
  'unlabeled',
  'reopened',
  'ready_for_review',
];

/**
 * A label put on, a reopen or a draft made ready, for a head the app has already reviewed: the
 * change is what it was, so nothing is reviewed again, on any tier (whole-PR routing would often
 * pick the other one). A label a routing rule names (`review:deep`) is a request for its tier, and
 * reviews; so does a command. No row, no check run: the head's review stands. A re-run of the
 * check run gets a check run that says so.
 */
export const alreadyReviewed = (
  job: ReviewJob,
  policy: Policy,
  lastReviewedSha: string | null,
  log: Log,
): JobOutcome | null => {
  if (lastReviewedSha !== job.headSha) return null;
  if (job.trigger === 'rerequested') {
    log.info({}, 're-run of a head that already has its review: said in a check run');
    return endedWith({ check: { id: null, ...RERUN_OF_REVIEWED } });
  }
  if (!SECOND_LOOK_TRIGGERS.includes(job.trigger)) return null;
  if (job.forcedTier !== null) return null;
  if (job.trigger === 'labeled' && job.label !== undefined && isRoutingLabel(policy, job.label))
    return null;
  log.info({ trigger: job.trigger, label: job.label }, 'this head already has its review');
  return endedWith({});
};

/** "Re-run" on the check run of a head whose review is posted: a new run says so, at once. */
const RERUN_OF_REVIEWED = {
  conclusion: 'success',
  output: {
    title: 'Already reviewed',
    summary:
      'This commit has its review on the pull request, so a re-run does not ask a model again (a re-run reviews a commit whose review failed). For another review, push a new commit, or comment `/review deep` or `/review fast`.',
  },
} as const;

const DISABLED = 'review-router is disabled by the policy';

/**
 * `enabled: false`: a skipped check run at once, before the change is read or the models are
 * priced, so a disabled repository costs two reads of GitHub and says nothing else.
 */
export const disabledByPolicy = (policy: Policy, log: Log): JobOutcome | null => {
  if (policy.enabled) return null;
  log.info({}, 'disabled by the policy: nothing reviewed');
  return stopped(
    { tier: 'skip', outcome: 'skipped', reason: DISABLED },
    {
      check: {
        conclusion: 'skipped',
        output: {
          title: `Skipped: ${DISABLED}`,
          summary: `**Why:** ${DISABLED} (\`enabled: false\`).`,
        },
      },
    },
  );
};

export const invalidPolicy = (failure: PolicyFailure, log: Log): JobOutcome => {
  log.warn({ problems: failure.problems.length }, 'invalid policy file: no model called');
  return stopped(
    { tier: 'skip', outcome: 'failed', reason: 'invalid policy file', error: failure.summary },
    {
      check: {
        conclusion: 'failure',
        output: { title: 'Invalid policy file: no review was run', summary: failure.markdown },
      },
    },
  );
};

/** The pull request was closed, or its head moved, before the job ran: a row, no check run. */
export const noLongerCurrent = (
  job: ReviewJob,
  pr: Pick<PullRequestFacts, 'state' | 'headSha'>,
  log: Log,
): JobOutcome | null => {
  if (pr.state !== 'closed' && pr.headSha === job.headSha) return null;
  const closed = pr.state === 'closed';
  log.info({ currentHead: pr.headSha, state: pr.state }, 'job no longer current: nothing reviewed');
  return stopped({
    tier: 'skip',
    outcome: closed ? 'skipped' : 'superseded',
    reason: closed
      ? 'pull request closed before review'
      : `head moved to ${pr.headSha.slice(0, 7)} before review`,
  });
};

/**
 * `skipped by /review skip from octocat (comment 901)`: the reason in the check run and the
 * ledger. Logins are written without `@`, so a check run or a report never notifies anyone.
 */
export const describeSkip = (skip: SkipRequest): string =>
  `skipped by /review skip from ${skip.by} (comment ${skip.commentId})`;

/**
 * Someone with write access said `/review skip` on this pull request: every later push gets a
 * `skipped` check run that says who and where, and a ledger row, until `/review` clears it.
 */
export const skippedByCommand = (skip: SkipRequest, log: Log): JobOutcome => {
  log.info({ by: skip.by, commentId: skip.commentId }, 'reviews stopped by /review skip');
  return stopped(
    { tier: 'skip', outcome: 'skipped', reason: describeSkip(skip) },
    {
      check: {
        conclusion: 'skipped',
        output: {
          title: `Skipped by /review skip from ${skip.by} (comment ${skip.commentId})`,
          summary:
            `${skip.by} asked review-router to stop reviewing this pull request in comment ` +
            `${skip.commentId}. Comment \`/review\` on the pull request to review it again.`,
        },
      },
    },
  );
};

/** An unknown model in the policy: a configuration problem the check run must name. */
export const unknownModel = (
  unpriced: UnpricedModel,
  classification: Classification,
  log: Log,
): JobOutcome => {
  log.warn({ error: unpriced.message }, "cannot price the policy's models: no model called");
  return stopped(
    { tier: 'skip', outcome: 'failed', reason: 'unknown model', error: unpriced.message },
    {
      classification,
      check: {
        conclusion: 'failure',
        output: {
          title: 'No review: a model in the policy has no price',
          summary: unpriced.message,
        },
      },
    },
  );
};

/** A budget cap that skipped the review is named in the check run's title, in plain words. */
const BUDGET_TITLES: Readonly<Record<string, string>> = {
  'budget.monthly_usd': "Skipped: this review would pass the repository's monthly budget",
  'budget.org_monthly_usd': "Skipped: this review would pass the organisation's monthly budget",
  'budget.per_review_usd': 'Skipped: this review would pass the per-review budget',
  'budget.per_pull_request_usd': "Skipped: this review would pass the pull request's budget",
};

/** Routed to skip: a `skipped` check run that says why (and, for a budget, the month's spend). */
export const routedSkip = (
  decision: RouteDecision,
  deepCostUsd: number,
  classification: Classification,
): JobOutcome =>
  stopped(
    { tier: 'skip', outcome: 'skipped', reason: decision.reason, deepCostUsd },
    {
      classification,
      check: {
        conclusion: 'skipped',
        output: {
          title: BUDGET_TITLES[decision.rule] ?? `Skipped: ${decision.reason}`,
          summary: [
            `**Why:** ${decision.reason}`,
            decision.budgetNote === null ? '' : `**Budget:** ${decision.budgetNote}`,
          ]
            .filter(Boolean)
            .join('\n\n'),
        },
      },
    },
  );
