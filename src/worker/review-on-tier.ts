import type { Tier } from '../domain/review-job.js';
import type { ClaimOptions, ReviewKey } from '../ledger/types.js';
import { publishReview } from '../publish/publish-review.js';
import { reviewMarks } from '../publish/render-summary.js';
import { callTier } from '../review/call-tier.js';
import type { TierPlan } from '../review/plan-tiers.js';
import type { ReviewDeadline } from '../review/review-deadline.js';
import type { TierCallDeps, TierCallSubject, TierChoice } from '../review/tier-call.js';
import { claimLeaseMs } from './claim-lease.js';
import { escalateIfAsked } from './escalate.js';
import { endedWith, type JobOutcome } from './job-outcome.js';
import { MOOT_CHECK, MOOT_ERROR, mootness } from './moot-check.js';
import type { JobRun } from './open-job.js';
import { abandoned, interrupted, posted, unanswered, type Holdings } from './review-holdings.js';
import type { ReviewSubject } from './review-subject.js';
import { postedBefore } from './posted-before.js';
import { stoppedMidCall, unlessStopped } from './stopped-mid-call.js';
import type { WorkerDeps } from './types.js';

export interface ReviewOnTierOptions {
  readonly choice: TierChoice;
  /** What a deep review would cost and how it is trimmed, should the fast model ask for one. */
  readonly deepPlan: TierPlan;
  /** The budget held for this review (see decideReview); released once its cost is recorded. */
  readonly reservationId: string | null;
  /** The chosen tier's estimate: what a call the process stops waiting for is recorded at. */
  readonly estimateUsd: number;
}

/** What the queue gave the job: its abort signal and the deadline of its model calls. */
export interface LiveJob {
  readonly signal: AbortSignal;
  readonly deadline: ReviewDeadline;
}

/**
 * A running claim older than the claim lease (see claimLeaseMs: it outlasts the review's total
 * deadline) was left by a process that crashed mid-review: the job, run again, takes it over.
 */
export const claimOptions = (deps: Pick<WorkerDeps, 'limits' | 'now'>): ClaimOptions => ({
  staleBefore: new Date(deps.now().getTime() - claimLeaseMs(deps.limits)).toISOString(),
});

export const keyFor = (subject: Pick<ReviewSubject, 'repo' | 'job'>, tier: Tier): ReviewKey => ({
  repo: subject.repo,
  pr: subject.job.pr,
  headSha: subject.job.headSha,
  tier,
});

const tierSubject = (subject: ReviewSubject): TierCallSubject => ({
  repo: subject.repo,
  policy: subject.policy,
  classification: subject.classification,
  diff: subject.diff,
  pr: subject.pr,
  knownSecrets: subject.secrets.known,
  ...(subject.context === undefined ? {} : { context: subject.context }),
});

/** The review of this head SHA and tier already on the pull request, if GitHub can say. */
const earlierReview = (run: JobRun, tier: Tier) =>
  run.gh
    .findReview({ ...run.ref, pr: run.job.pr }, run.job.headSha, reviewMarks(tier))
    .catch((error: unknown) => {
      run.log.warn({ err: error }, 'cannot look for a review posted before: reviewing');
      return null;
    });

/**
 * The check run of this review: the one an attempt that stopped (a crash) opened, when this one
 * took its claim over, else a new one, remembered with the claim in case this attempt stops too.
 */
const openCheck = async (
  run: JobRun,
  key: ReviewKey,
  reopened: number | undefined,
  deps: WorkerDeps,
  choice: ReviewOnTierOptions['choice'],
): Promise<number> => {
  if (reopened !== undefined) {
    run.log.info({ checkId: reopened }, 'finishing the check run of the attempt that stopped');
    return reopened;
  }
  const checkId = await run.gh.createCheckRun(run.ref, run.job.headSha, {
    title: `Reviewing on the ${choice.tier} tier`,
    summary: `**Why this model:** ${choice.reason}`,
  });
  // Best effort: without it, an attempt that takes over opens a second run, as before.
  await deps.ledger.attachCheck(key, run.job.deliveryId, checkId).catch((error: unknown) => {
    run.log.warn({ err: error, checkId }, 'cannot remember the check run with the claim');
  });
  return checkId;
};

/** What the budget held for this review: the price of a call whose usage this process never saw. */
const estimateOf = (options: ReviewOnTierOptions, deps: Pick<WorkerDeps, 'prices'>) => ({
  usd: options.estimateUsd,
  deepUsd: options.deepPlan.usd,
  priceVersion: deps.prices.version,
});

/**
 * Claims (head SHA, tier) so a redelivery or a second event cannot review twice, asks the model,
 * escalates when the fast model asks and the policy and budget allow, and posts one review.
 * Returns how it ended; the finishing step records the attempts and settles what is held.
 */
export const reviewOnTier = async (
  run: JobRun,
  subject: ReviewSubject,
  options: ReviewOnTierOptions,
  deps: WorkerDeps,
  live: LiveJob,
): Promise<JobOutcome> => {
  const { choice } = options;
  const { classification } = subject;
  const key = keyFor(subject, choice.tier);
  const claim = await deps.ledger
    .claim(key, run.job.deliveryId, claimOptions(deps))
    .catch((error: unknown) => ({ claimed: 'failed' as const, error }));
  // The reservation decideReview made is released whatever happens to the claim.
  if (claim.claimed === 'failed')
    return endedWith({
      classification,
      reservationId: options.reservationId,
      interrupted: claim.error,
    });
  if (!claim.claimed) {
    run.log.info(
      { tier: choice.tier, state: claim.state, by: claim.deliveryId },
      'this head SHA already has a review on this tier: nothing to do',
    );
    return endedWith({ classification, reservationId: options.reservationId });
  }
  if (claim.checkId !== undefined) {
    // The attempt this one took over may have posted before it stopped: never post twice.
    const earlier = await earlierReview(run, choice.tier);
    if (earlier !== null)
      return postedBefore(
        run,
        {
          review: earlier,
          checkId: claim.checkId,
          key,
          choice,
          estimate: estimateOf(options, deps),
          reservationId: options.reservationId,
          classification,
        },
        deps,
      );
  }
  let held: Holdings = {
    classification,
    claims: [key],
    releasedClaims: [],
    reservationId: options.reservationId,
    checkId: null,
    attempts: [],
    unposted: null,
  };
  const tierDeps: TierCallDeps = { ...deps, log: run.log, deadline: live.deadline };
  try {
    held = { ...held, checkId: await openCheck(run, key, claim.checkId, deps, choice) };
    const raced = await unlessStopped(
      callTier(tierSubject(subject), choice, tierDeps),
      live.signal,
    );
    if (raced.stopped) {
      held = { ...held, attempts: [stoppedMidCall(choice, estimateOf(options, deps))] };
      return interrupted(held, raced.reason);
    }
    const first = raced.value;
    held = { ...held, attempts: first.failed };
    if (!first.result.ok) return unanswered(held, first.result.message);
    held = { ...held, unposted: first.result };

    const deepKey = keyFor(subject, 'deep');
    const review = await escalateIfAsked(held, first.result, {
      subject: tierSubject(subject),
      deepPlan: options.deepPlan,
      deepKey,
      claimDeep: async () =>
        (await deps.ledger.claim(deepKey, run.job.deliveryId, claimOptions(deps))).claimed,
      budget: deps,
      tier: tierDeps,
      signal: live.signal,
      priceVersion: deps.prices.version,
    });
    held = review.held;
    if (!review.ok) return interrupted(held, review.error);

    const moot = await mootness(run.gh, {
      ref: run.ref,
      headSha: run.job.headSha,
      signal: live.signal,
      policy: subject.policy,
    });
    if (moot !== null) {
      const { title, summary, log } = MOOT_CHECK[moot];
      run.log.info({}, log);
      return abandoned(held, review.result, { title, summary }, MOOT_ERROR[moot]);
    }

    const published = await publishReview(
      subject,
      {
        result: review.result,
        escalation: review.escalation,
        notes: review.notes,
        spentBeforeUsd: held.attempts.reduce((sum, row) => sum + (row.costUsd ?? 0), 0),
      },
      { ...deps, gh: run.gh, ref: run.ref, log: run.log },
    );
    run.log.info(
      { tier: review.result.choice.tier, costUsd: review.result.costUsd, url: published.url },
      'review posted',
    );
    return posted(held, review.result, published);
  } catch (error) {
    return interrupted(held, error);
  }
};
