import type { Outcome } from '../domain/ledger-entry.js';
import type { Tier } from '../domain/review-job.js';
import type { ReviewKey } from '../ledger/types.js';
import { buildLedgerEntry, promptTokens } from './build-ledger-entry.js';
import { callTier, type TierAnswer, type TierChoice } from './call-tier.js';
import { monthWindow } from './month-window.js';
import { ESTIMATED_DEEP_OUTPUT_TOKENS } from './estimates.js';
import { estimateCostUsd } from '../ledger/price-usage.js';

import { postReview } from './post-review.js';
import type { ReviewContext } from './review-context.js';

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
  context.deps.ledger.record(
    buildLedgerEntry({
      job: context.job,
      startedAt: context.startedAt,
      finishedAt: context.deps.now().toISOString(),
      classification: context.classification,
      tier: result.choice.tier,
      outcome,
      reason: result.choice.reason,
      provider: result.choice.model.provider,
      model: result.choice.model.model,
      usage: result.usage,
      costUsd: result.costUsd,
      deepCostUsd: result.deepCostUsd,
      priceVersion: result.priceVersion,
      error: error ?? result.invalidAnswer,
    }),
  );

/** The head moved (or the queue aborted the job) while the model was thinking. */
const isSuperseded = async (context: ReviewContext): Promise<boolean> => {
  if (context.signal.aborted) return true;
  const current = await context.gh.getPullRequest(context.ref);
  return current.headSha !== context.job.headSha || current.state === 'closed';
};

/** May the fast answer's request for a deep review be honoured? Policy first, then the month's budget. */
const mayEscalate = async (context: ReviewContext, fast: TierAnswer): Promise<boolean> => {
  if (
    fast.choice.tier !== 'fast' ||
    !fast.answer.escalate.needed ||
    !context.policy.routing.escalate
  )
    return false;
  const { budget, models } = context.policy;
  const deepEstimate = estimateCostUsd(context.deps.prices, models.deep.model, {
    inputTokens: promptTokens(fast.usage),
    outputTokens: ESTIMATED_DEEP_OUTPUT_TOKENS,
  });
  if (budget.per_review_usd !== null && deepEstimate > budget.per_review_usd) return false;
  if (budget.monthly_usd === null) return true;
  const window = monthWindow(context.deps.now());
  const spent = await context.deps.ledger.spend(context.repo, window.from, window.to);
  return spent + fast.costUsd + deepEstimate <= budget.monthly_usd;
};

/**
 * Claims (head SHA, tier) in the ledger so a redelivery or a second event cannot review twice, asks
 * the model, escalates when the fast model asks and the policy and budget allow, and posts one review.
 */
export const reviewOnTier = async (context: ReviewContext, choice: TierChoice): Promise<void> => {
  const { deps, gh, ref, job, log } = context;
  const key = keyFor(context, choice.tier);
  const claim = await deps.ledger.claim(key, job.deliveryId);
  if (!claim.claimed) {
    log.info(
      { tier: choice.tier, state: claim.state, by: claim.deliveryId },
      'this head SHA already has a review on this tier: nothing to do',
    );
    return;
  }
  const held: ReviewKey[] = [key];
  let checkId: number | null = null;
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

    let escalation: { reason: string; fastCostUsd: number } | null = null;
    const notes: string[] = [];
    if (await mayEscalate(context, result)) {
      const deepKey = keyFor(context, 'deep');
      const deepClaim = await deps.ledger.claim(deepKey, job.deliveryId);
      if (deepClaim.claimed) {
        held.push(deepKey);
        const reason = result.answer.escalate.reason || 'the fast model asked for a deep review';
        const deep = await callTier(context, {
          tier: 'deep',
          model: context.policy.models.deep,
          reason: `escalated: ${reason}`,
          budgetNote: choice.budgetNote,
        });
        if (deep.ok) {
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

    if (await isSuperseded(context)) {
      log.info({}, 'a newer push superseded this review: abandoned, spend recorded');
      await recordAnswer(context, result, 'superseded');
      await gh.completeCheckRun(ref, checkId, 'neutral', {
        title: 'Superseded by a newer push',
        summary:
          'The pull request changed while this review ran; the newer commit gets its own review.',
      });
      for (const k of held) await deps.ledger.settle(k, 'released');
      return;
    }

    const posted = await postReview(context, { result, checkId, escalation, notes });
    await recordAnswer(context, result, 'posted');
    for (const k of held) await deps.ledger.settle(k, 'posted');
    log.info(
      { tier: result.choice.tier, costUsd: result.costUsd, url: posted.url },
      'review posted',
    );
  } catch (error) {
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
