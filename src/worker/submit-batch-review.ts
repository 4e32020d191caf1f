/**
 * A review routed with `mode: batch`: claims the head SHA and tier, sends the request through the
 * provider's batch API, stores the batch in the ledger (so a restart resumes it), opens a check run
 * that says it is queued, and schedules the first poll on the queue. Nothing is paid yet, so the
 * job itself records no row; the poll that finds the answer does.
 */
import { randomUUID } from 'node:crypto';
import { endedWith, type JobOutcome } from './job-outcome.js';
import type { JobRun } from './open-job.js';
import { buildBatchRequest } from './batch-request.js';
import { BATCH_RESERVATION_TTL_MS, pollJob, type BatchDeps } from './batch-types.js';
import { reserveBudget } from './reserve-budget.js';
import {
  claimOptions,
  keyFor,
  reviewOnTier,
  type LiveJob,
  type ReviewOnTierOptions,
} from './review-on-tier.js';
import type { ProviderId } from '../domain/policy.js';
import type { ReviewSubject } from './review-subject.js';
import type { WorkerDeps } from './types.js';

const PROVIDER_NAMES: Partial<Record<ProviderId, string>> = {
  openai: "OpenAI's Batch API",
  anthropic: "Anthropic's Message Batches",
};

export const queuedCheck = (provider: ProviderId, tier: string, reason: string) => ({
  title: `Queued for batch review on the ${tier} tier`,
  summary:
    `**Why this model:** ${reason}\n\nQueued for batch review: the review goes through ` +
    `${PROVIDER_NAMES[provider] ?? `${provider}'s batch API`} at half price and is posted when the batch completes ` +
    '(usually within an hour, at most 24 hours). A newer push replaces it.',
});

/** Reviews now instead, saying why: no batch API for the provider, or it refused the batch. */
const reviewNow = (
  run: JobRun,
  subject: ReviewSubject,
  options: ReviewOnTierOptions,
  deps: WorkerDeps,
  live: LiveJob,
  why: string,
): Promise<JobOutcome> => {
  run.log.warn({ why }, 'batch review not possible: reviewing now');
  const choice = { ...options.choice, reason: `${options.choice.reason}; ${why}, so reviewed now` };
  return reviewOnTier(run, subject, { ...options, choice }, deps, live);
};

/** `estimateUsd` is the chosen tier's estimate at list price: the batch holds half of it. */
export type BatchReviewOptions = ReviewOnTierOptions;

export const submitBatchReview = async (
  run: JobRun,
  subject: ReviewSubject,
  options: BatchReviewOptions,
  deps: WorkerDeps & { readonly batches: BatchDeps },
  live: LiveJob,
): Promise<JobOutcome> => {
  const { choice } = options;
  const { classification } = subject;
  const { provider: providerId } = choice.model;
  const provider = deps.batches.providers[providerId];
  if (provider === undefined)
    return reviewNow(
      run,
      subject,
      options,
      deps,
      live,
      `${providerId} has no batch API configured`,
    );

  const pull = { repo: run.repo, pr: run.job.pr };
  const waiting = (await deps.ledger.listWaitingBatches(pull)).find(
    (batch) => batch.headSha === run.job.headSha && batch.tier === choice.tier,
  );
  if (waiting !== undefined) {
    // A redelivery, or a retry after a crash: the batch is already out; make sure it is polled.
    run.log.info({ batchId: waiting.batchId }, 'this head SHA already waits for a batch review');
    const next = waiting.polls + 1;
    if (!live.signal.aborted)
      await deps.batches.schedule(
        pollJob(run.job, waiting.id, next),
        deps.batches.pollDelayMs(next),
      );
    return endedWith({ classification, reservationId: options.reservationId });
  }
  const key = keyFor(subject, choice.tier);
  const claim = await deps.ledger.claim(key, run.job.deliveryId, claimOptions(deps));
  if (!claim.claimed) {
    run.log.info({ tier: choice.tier, state: claim.state }, 'this head SHA already has a review');
    return endedWith({ classification, reservationId: options.reservationId });
  }

  const { request } = buildBatchRequest(subject, choice, {
    maxInputTokens: choice.trim?.maxInputTokens ?? deps.limits.maxInputTokens,
    maxOutputTokens: deps.limits.maxOutputTokens,
  });
  const id = randomUUID();
  const submitted = await provider.submit(request, id);
  if (!submitted.ok)
    return reviewNow(
      run,
      subject,
      options,
      deps,
      live,
      `the batch API refused it (${submitted.error.message})`,
    );

  // The budget stays held while the batch waits (hours, not minutes), at the batch's half price.
  const held =
    options.reservationId === null
      ? null
      : await reserveBudget(
          subject,
          options.estimateUsd / 2,
          deps,
          options.reservationId,
          BATCH_RESERVATION_TTL_MS,
        );
  const reservationId = held?.reserved === true ? held.id : options.reservationId;
  await deps.ledger.addPendingBatch({
    id,
    ...pull,
    headSha: run.job.headSha,
    tier: choice.tier,
    provider: providerId,
    model: choice.model.model,
    effort: choice.model.effort,
    batchId: submitted.value.batchId,
    job: {
      deliveryId: run.job.deliveryId,
      installationId: run.job.installationId,
      trigger: run.job.trigger,
      receivedAt: run.job.receivedAt,
    },
    reason: choice.reason,
    budgetNote: choice.budgetNote,
    maxInputTokens: choice.trim?.maxInputTokens ?? deps.limits.maxInputTokens,
    reservationId,
    at: deps.now().toISOString(),
  });
  run.log.info(
    { batchId: submitted.value.batchId, provider: providerId, tier: choice.tier },
    'queued for batch review',
  );
  const checkId = await run.gh.createCheckRun(
    run.ref,
    run.job.headSha,
    queuedCheck(providerId, choice.tier, choice.reason),
  );
  await deps.ledger.updatePendingBatch(id, {
    from: 'submitted',
    checkId,
    at: deps.now().toISOString(),
  });
  // A newer push queued meanwhile supersedes this batch when its job starts; a poll queued now
  // would carry the old head SHA after it, and the queue would take it for the newer push.
  if (!live.signal.aborted)
    await deps.batches.schedule(pollJob(run.job, id, 1), deps.batches.pollDelayMs(1));
  // The claim stays running and the reservation held: the poll that finds the answer settles both.
  return endedWith({ classification });
};
