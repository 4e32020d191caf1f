import { errorMessage } from '../domain/errors.js';
import { formatUsd } from '../domain/format-usd.js';
import type { Outcome } from '../domain/ledger-entry.js';
import type { Tier } from '../domain/review-job.js';
import type { ClaimOptions, ReviewKey } from '../ledger/types.js';
import { abortCause, JobAborted } from '../queue/job-aborted.js';
import { recordAttempt } from './record-attempt.js';
import { callTier, type TierAnswer, type TierChoice } from './call-tier.js';
import { claimLeaseMs } from './claim-lease.js';
import type { TierPlan } from './plan-tiers.js';
import { postReview } from './post-review.js';
import { reserveBudget } from './reserve-budget.js';
import type { ReviewContext } from './review-context.js';
import { describeDeadline } from './review-deadline.js';

export interface ReviewOnTierOptions {
  readonly choice: TierChoice;
  /** What a deep review would cost and how it is trimmed, should the fast model ask for one. */
  readonly deepPlan: TierPlan;
  /** The budget held for this review (see decideReview); released once its cost is recorded. */
  readonly reservationId: string | null;
}

/**
 * A running claim older than the claim lease (see claimLeaseMs: it outlasts the review's total
 * deadline) was left by a process that crashed mid-review: the job, run again, takes it over.
 */
const claimOptions = (context: ReviewContext): ClaimOptions => {
  const leaseMs = claimLeaseMs(context.deps.limits);
  return { staleBefore: new Date(context.deps.now().getTime() - leaseMs).toISOString() };
};

const keyFor = (context: ReviewContext, tier: Tier): ReviewKey => ({
  repo: context.repo,
  pr: context.job.pr,
  headSha: context.job.headSha,
  tier,
});

const recordAnswer = async (
  context: ReviewContext,
  result: TierAnswer,
  outcome: Outcome,
  error: string | null = null,
) =>
  recordAttempt(context, result.choice, {
    outcome,
    provider: result.choice.model.provider,
    model: result.choice.model.model,
    usage: result.usage,
    costUsd: result.costUsd,
    deepCostUsd: result.deepCostUsd,
    priceVersion: result.priceVersion,
    error: error ?? ([result.invalidAnswer, result.priceError].filter(Boolean).join('; ') || null),
  });

/** Why the answer must not be posted: the pull request moved on while the model was thinking. */
type Moot = 'newer-push' | 'closed';

/** The head moved, the pull request was closed, or the queue aborted the job. */
const mootness = async (context: ReviewContext): Promise<Moot | null> => {
  const cause = abortCause(context.signal);
  if (cause === 'superseded') return 'newer-push';
  // Shutdown, a lost lease or a crash hands the job back: nothing is posted from this run.
  if (context.signal.aborted)
    throw new JobAborted(cause ?? 'abandoned', 'the queue took this job back');
  const current = await context.gh.getPullRequest(context.ref);
  if (current.state === 'closed') return 'closed';
  return current.headSha === context.job.headSha ? null : 'newer-push';
};

const MOOT_CHECK: Record<Moot, { title: string; summary: string; log: string }> = {
  'newer-push': {
    title: 'Superseded by a newer push',
    summary:
      'The pull request changed while this review ran; the newer commit gets its own review. What this one cost is recorded.',
    log: 'a newer push superseded this review: abandoned, spend recorded',
  },
  closed: {
    title: 'Pull request closed during the review',
    summary:
      'The pull request was closed while the model answered, so nothing was posted. What the review cost is recorded.',
    log: 'the pull request was closed during the review: abandoned, spend recorded',
  },
};

type Escalation =
  | { readonly allowed: true; readonly reservationId: string | null }
  | { readonly allowed: false; readonly note: string | null };

/**
 * May the fast answer's request for a deep review be honoured? The policy first, then the
 * per-review budget, then the monthly caps: the fast review's real cost plus the deep estimate
 * takes over the fast review's reservation, atomically, or the fast review is posted.
 */
const mayEscalate = async (
  context: ReviewContext,
  fast: TierAnswer,
  deep: TierPlan,
  reservationId: string | null,
): Promise<Escalation> => {
  if (fast.choice.tier !== 'fast' || !fast.answer.escalate.needed)
    return { allowed: false, note: null };
  if (!context.policy.routing.escalate) return { allowed: false, note: null };
  const asked = 'The fast model asked for a deep review';
  const perReview = context.policy.budget.per_review_usd;
  if (deep.fit.kind === 'over' && perReview !== null) {
    return {
      allowed: false,
      note: `${asked}, but it would pass the per-review budget (${formatUsd(perReview)}) even with only the most risky file, so the fast review is posted.`,
    };
  }
  const held = await reserveBudget(context, fast.costUsd + deep.usd, reservationId);
  if (held.reserved) return { allowed: true, reservationId: held.id };
  const cap = held.scope === 'org' ? 'organisation budget' : 'monthly budget';
  const inProgress =
    held.reservedUsd > 0
      ? ` and ${formatUsd(held.reservedUsd)} held by other reviews in progress`
      : '';
  return {
    allowed: false,
    note:
      `${asked}, but a deep review (~${formatUsd(deep.usd)}) would pass the ${cap} of ` +
      `${formatUsd(held.capUsd)}: ${formatUsd(held.spentUsd)} spent this month${inProgress}, ` +
      `and this fast review cost ${formatUsd(fast.costUsd)}; the fast review is posted.`,
  };
};

/**
 * Claims (head SHA, tier) in the ledger so a redelivery or a second event cannot review twice, asks
 * the model, escalates when the fast model asks and the policy and budget allow, and posts one
 * review. The budget reservation is released once every attempt's real cost is in the ledger.
 */
export const reviewOnTier = async (
  context: ReviewContext,
  options: ReviewOnTierOptions,
): Promise<void> => {
  // An escalation replaces the reservation; whichever is held at the end is released.
  const hold = { id: options.reservationId };
  try {
    await claimAndReview(context, options, hold);
  } finally {
    if (hold.id !== null) await context.deps.ledger.release(hold.id);
  }
};

const claimAndReview = async (
  context: ReviewContext,
  options: ReviewOnTierOptions,
  hold: { id: string | null },
): Promise<void> => {
  const { deps, gh, ref, job, log } = context;
  const { choice } = options;
  const key = keyFor(context, choice.tier);
  const claim = await deps.ledger.claim(key, job.deliveryId, claimOptions(context));
  if (!claim.claimed) {
    log.info(
      { tier: choice.tier, state: claim.state, by: claim.deliveryId },
      'this head SHA already has a review on this tier: nothing to do',
    );
    return;
  }
  const held: ReviewKey[] = [key];
  let checkId: number | null = null;
  // Answers paid for and not yet in the ledger: should GitHub fail us now, they go in as failed.
  let unrecorded: TierAnswer[] = [];
  try {
    checkId = await gh.createCheckRun(ref, job.headSha, {
      title: `Reviewing on the ${choice.tier} tier`,
      summary: `**Why this model:** ${choice.reason}`,
    });
    let result = await callTier(context, choice);
    if (!result.ok) {
      await gh.completeCheckRun(ref, checkId, 'neutral', {
        title: 'No review: the model call failed',
        summary: result.message,
      });
      await deps.ledger.settle(key, 'released');
      return;
    }
    unrecorded = [result];

    let escalation: { reason: string; fastCostUsd: number } | null = null;
    const notes: string[] = [];
    const may = await mayEscalate(context, result, options.deepPlan, hold.id);
    if (!may.allowed && may.note !== null) notes.push(may.note);
    const deadline = context.deadline;
    if (may.allowed && deadline.passed()) {
      // mayEscalate swapped the reservation for a bigger one: hold its id so the end releases it.
      hold.id = may.reservationId;
      notes.push(
        `The fast model asked for a deep review, but ${describeDeadline(deadline)} had passed, so the deep review was not started; the fast review is posted.`,
      );
    } else if (may.allowed) {
      hold.id = may.reservationId;
      const deepKey = keyFor(context, 'deep');
      const deepClaim = await deps.ledger.claim(deepKey, job.deliveryId, claimOptions(context));
      if (deepClaim.claimed) {
        held.push(deepKey);
        const reason = result.answer.escalate.reason || 'the fast model asked for a deep review';
        const deep = await callTier(context, {
          tier: 'deep',
          model: context.policy.models.deep,
          reason: `escalated: ${reason}`,
          budgetNote: choice.budgetNote,
          trim: options.deepPlan.trim,
        });
        if (deep.ok) {
          unrecorded = [deep];
          await recordAnswer(context, result, 'escalated');
          escalation = { reason, fastCostUsd: result.costUsd };
          result = deep;
        } else {
          notes.push(
            `The fast model asked for a deep review, but the deep model failed: ${deep.message}`,
          );
          await deps.ledger.settle(deepKey, 'released');
          held.pop();
        }
      }
    }

    const moot = await mootness(context);
    if (moot !== null) {
      const { title, summary, log: message } = MOOT_CHECK[moot];
      log.info({}, message);
      unrecorded = [];
      await recordAnswer(
        context,
        result,
        'superseded',
        moot === 'closed' ? 'pull request closed during the review' : null,
      );
      await gh.completeCheckRun(ref, checkId, 'neutral', { title, summary });
      for (const k of held) await deps.ledger.settle(k, 'released');
      return;
    }

    const posted = await postReview(context, { result, checkId, escalation, notes });
    unrecorded = [];
    await recordAnswer(context, result, 'posted');
    for (const k of held) await deps.ledger.settle(k, 'posted');
    log.info(
      { tier: result.choice.tier, costUsd: result.costUsd, url: posted.url },
      'review posted',
    );
  } catch (error) {
    for (const answer of unrecorded)
      await recordAnswer(context, answer, 'failed', `not posted: ${errorMessage(error)}`).catch(
        (failure: unknown) =>
          log.error({ err: failure }, 'cannot record what a failed review cost'),
      );
    for (const k of held) await deps.ledger.settle(k, 'released');
    if (checkId !== null) {
      await gh
        .completeCheckRun(ref, checkId, 'neutral', {
          title: 'Review interrupted',
          summary: 'An unexpected error stopped this review; it will be retried.',
        })
        .catch(() => undefined);
    }
    throw error;
  }
};
