/**
 * The answer of a batch review, posted as any review is: the change is read again at the same
 * head SHA (so the prompt, the files left out and the commentable lines are what the batch saw),
 * the answer priced at the batch's half price, and one review published.
 */
import type { PullRequestFacts } from '../domain/review-job.js';
import type { PendingBatch } from '../ledger/types.js';
import type { ProviderReply } from '../providers/types.js';
import { publishReview } from '../publish/publish-review.js';
import { reviewMarks } from '../publish/render-summary.js';
import { answeredTier } from '../review/tier-request.js';
import { batchEnded, batchKey, batchPostedBefore } from './batch-outcomes.js';
import { buildBatchRequest } from './batch-request.js';
import { invalidPolicy } from './early-endings.js';
import { MOOT_CHECK, MOOT_ERROR, skippedByPolicy } from './moot-check.js';
import type { JobOutcome } from './job-outcome.js';
import type { JobRun } from './open-job.js';
import { priceBatch } from './price-batch.js';
import { raiseBudgetAlerts } from './raise-budget-alerts.js';
import { readChange } from './read-change.js';
import { readContext } from './read-context.js';
import { NO_DEADLINE } from '../review/review-deadline.js';
import { noteUnreadExtends, readPolicy } from './read-policy.js';
import { posted } from './review-holdings.js';
import type { WorkerDeps } from './types.js';

export const postBatchAnswer = async (
  pending: PendingBatch,
  reply: ProviderReply,
  run: JobRun,
  pr: PullRequestFacts,
  deps: WorkerDeps,
): Promise<JobOutcome> => {
  const read = await readPolicy(run.gh, run.ref, run.log);
  if (!read.ok) return invalidPolicy(read.error, run.log);
  const { policy, unread } = read.value;
  const pullState = await deps.ledger.getPullState({ repo: run.repo, pr: run.job.pr });
  const change = await readChange(run, { policy, pr, pullState });
  // The code context the batch was sent with (the same head, so the same code): what the prompt
  // left out, and so what the summary says was not reviewed, depends on it.
  const context = await readContext(run, change, {
    deadline: NO_DEADLINE,
    codeCache: deps.codeCache,
  });
  const subject = { ...change, context };
  const choice = {
    tier: pending.tier,
    model: { provider: pending.provider, model: pending.model, effort: pending.effort },
    reason: pending.reason,
    budgetNote: pending.budgetNote,
    trim: null,
  };
  const { omitted } = buildBatchRequest(subject, choice, {
    maxInputTokens: pending.maxInputTokens,
    maxOutputTokens: deps.limits.maxOutputTokens,
  });
  const priced = priceBatch(pending, reply.usage, { ...deps, deep: policy.models.deep }, run.log);
  // A batch waits for hours: the pull request may since have become what the policy skips.
  const moot = skippedByPolicy(policy, pr);
  if (moot !== null)
    return batchEnded(pending, {
      outcome: 'superseded',
      spent: priced,
      error: MOOT_ERROR[moot],
      check: { title: MOOT_CHECK[moot].title, summary: MOOT_CHECK[moot].summary },
      classification: subject.classification,
    });
  // Never a second review of the commit on this tier: an earlier poll of this batch may have
  // posted it and stopped before it finished, or a review may have taken the claim over.
  const earlier = await run.gh
    .findReview({ ...run.ref, pr: run.job.pr }, run.job.headSha, reviewMarks(pending.tier))
    .catch((error: unknown) => {
      run.log.warn({ err: error }, 'cannot look for a review posted before: posting');
      return null;
    });
  if (earlier !== null) {
    const rows = await deps.ledger.list({ repo: run.repo, pr: run.job.pr });
    const recorded = rows.some(
      (row) =>
        row.headSha === pending.headSha && row.tier === pending.tier && row.outcome === 'posted',
    );
    run.log.info({ review: earlier.url, recorded }, 'this commit has its review: not posted again');
    return batchPostedBefore(pending, {
      url: earlier.url,
      recorded,
      spent: priced,
      classification: subject.classification,
    });
  }
  const result = answeredTier(choice, reply, priced, {
    omitted,
    knownSecrets: subject.secrets.known,
    tableVersion: deps.prices.version,
  });
  const published = await publishReview(
    subject,
    {
      result,
      escalation: null,
      notes: ['Reviewed through a batch API at half price.'],
      spentBeforeUsd: 0,
    },
    { ...deps, gh: run.gh, ref: run.ref, log: run.log },
  );
  run.log.info(
    { tier: pending.tier, costUsd: result.costUsd, url: published.url, batchId: pending.batchId },
    'batch review posted',
  );
  const outcome = posted(
    {
      classification: subject.classification,
      claims: [batchKey(pending)],
      releasedClaims: [],
      reservationId: pending.reservationId,
      checkId: pending.checkId,
      attempts: [],
      unposted: result,
    },
    result,
    published,
  );
  return raiseBudgetAlerts(
    noteUnreadExtends(outcome, unread),
    { repo: run.repo, policy, log: run.log, startedAt: run.startedAt },
    deps,
  );
};
