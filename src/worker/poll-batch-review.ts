/**
 * A poll job: asks the provider whether a waiting batch review has ended. Still waiting: the next
 * poll goes on the queue with a longer delay. Answered: the review is posted and its cost recorded
 * at the batch's half price. Failed or expired: its cost (if any) is recorded, the check run says
 * so, and the review runs again without batch, within the budget. Moot (a newer push, a closed
 * pull request): superseded, its cost (if any) recorded.
 */
import { repoFullName, type ReviewJob } from '../domain/review-job.js';
import type { PendingBatch } from '../ledger/types.js';
import type { BatchCheck } from '../providers/batch-types.js';
import { asBatch, batchEnded, fallbackCheck } from './batch-outcomes.js';
import { BATCH_RESERVATION_TTL_MS, pollJob, pollJobUnder, type BatchDeps } from './batch-types.js';
import { finishJob } from './finish-job.js';
import { MOOT_CHECK } from './moot-check.js';
import { openJob, type JobRun } from './open-job.js';
import { postBatchAnswer } from './post-batch-answer.js';
import { priceBatch } from './price-batch.js';
import type { WorkerDeps } from './types.js';

type Deps = WorkerDeps & { readonly batches: BatchDeps };

/** The job that queued the batch: its rows carry its delivery id and trigger. */
export const originalJob = (pending: PendingBatch, owner: string, repo: string): ReviewJob => ({
  deliveryId: pending.job.deliveryId,
  installationId: pending.job.installationId,
  owner,
  repo,
  pr: pending.pr,
  headSha: pending.headSha,
  trigger: pending.job.trigger,
  forcedTier: null,
  receivedAt: pending.job.receivedAt,
});

export interface PollBatchOptions {
  /** Runs the review again without batch (the pipeline, told not to batch). */
  readonly reviewNow: (job: ReviewJob) => Promise<void>;
  /** The queue's signal: aborted when a newer push is queued for the pull request. */
  readonly signal: AbortSignal;
}

export const pollBatchReview = async (
  job: ReviewJob,
  deps: Deps,
  options: PollBatchOptions,
): Promise<void> => {
  const poll = job.batchPoll;
  if (poll === undefined) throw new Error('a batch poll job must name its batch');
  const pending = await deps.ledger.getPendingBatch(poll.pendingId);
  const log = deps.log.child({ deliveryId: job.deliveryId, repo: repoFullName(job), pr: job.pr });
  if (pending === null) {
    log.warn({ pendingId: poll.pendingId }, 'batch poll for a batch the ledger does not know');
    return;
  }
  const original = originalJob(pending, job.owner, job.repo);
  // A crash after the batch failed: the review without batch runs (again; its claim stops a repeat).
  if (pending.state === 'fallback') return options.reviewNow(original);
  if (pending.state !== 'submitted') return;
  const run = await openJob(original, deps);
  const pr = await run.gh.getPullRequest(run.ref);
  if (pr.state === 'closed' || pr.headSha !== pending.headSha)
    return supersedeBatch(pending, run, deps, pr.state === 'closed' ? 'closed' : 'newer-push', {
      head: pr.headSha,
      poll: poll.poll + 1,
    });

  const provider = deps.batches.providers[pending.provider];
  const answered: BatchCheck | null =
    provider === undefined
      ? {
          state: 'failed',
          kind: 'errored',
          message: `no ${pending.provider} API key is configured any more`,
          usage: null,
        }
      : await provider.check(pending.batchId, pending.id).then((result) => {
          if (result.ok) return result.value;
          if (result.error.retryable) return null;
          return { state: 'failed', kind: 'errored', message: result.error.message, usage: null };
        });
  // Past its reservation (a batch has 24 hours), a batch still waiting, or a provider still
  // unreachable, ends as expired: the review runs without batch, within the budget.
  const overdue = deps.now().getTime() - Date.parse(pending.at) > BATCH_RESERVATION_TTL_MS;
  const checked: BatchCheck | null =
    overdue && (answered === null || answered.state === 'waiting')
      ? {
          state: 'failed',
          kind: 'expired',
          message: `its provider had not said it ended ${BATCH_RESERVATION_TTL_MS / 3_600_000} hours after it was sent`,
          usage: null,
        }
      : answered;
  if (checked === null || checked.state === 'waiting') {
    const next = poll.poll + 1;
    await deps.ledger.updatePendingBatch(pending.id, {
      from: 'submitted',
      polls: poll.poll,
      at: deps.now().toISOString(),
    });
    const delayMs = deps.batches.pollDelayMs(next);
    run.log.info(
      { batchId: pending.batchId, status: checked?.status ?? 'unreachable', nextInMs: delayMs },
      'batch review still waiting',
    );
    // A newer push queued meanwhile supersedes the batch when its job starts: no poll after it.
    if (!options.signal.aborted)
      await deps.batches.schedule(pollJob(original, pending.id, next), delayMs);
    return;
  }
  if (checked.state === 'failed') {
    const moved = await deps.ledger.updatePendingBatch(pending.id, {
      from: 'submitted',
      state: 'fallback',
      at: deps.now().toISOString(),
    });
    if (!moved) return;
    run.log.warn(
      { batchId: pending.batchId, kind: checked.kind },
      'batch review failed: reviewing now',
    );
    const spent = priceBatch(pending, checked.usage, deps, run.log);
    await finishJob(
      batchEnded(pending, {
        outcome: 'failed',
        spent,
        error: `batch ${checked.kind}: ${checked.message}`,
        check: fallbackCheck(checked.message),
      }),
      run,
      deps,
    );
    return options.reviewNow(original);
  }
  const outcome = await postBatchAnswer(pending, checked.reply, run, pr, deps);
  await deps.ledger.updatePendingBatch(pending.id, {
    from: 'submitted',
    state: 'done',
    at: deps.now().toISOString(),
  });
  await finishJob(asBatch(outcome), run, deps);
};

/**
 * A newer push (or a closed pull request) made a waiting batch moot. A batch that has ended is
 * recorded as superseded with what it cost. One still running is canceled, and stays waiting
 * until its provider says it has ended: a request that ran before the cancel is billed, and its
 * usage is in the batch's output only then. Poll `next.poll` for it is queued under the pull
 * request's current head (`next.head`), since the queue drops jobs for an older head; every job of
 * a newer head queues one again (supersedeWaitingBatches).
 */
export const supersedeBatch = async (
  pending: PendingBatch,
  run: JobRun,
  deps: Deps,
  why: 'newer-push' | 'closed',
  next: { readonly head: string; readonly poll: number },
): Promise<void> => {
  const provider = deps.batches.providers[pending.provider];
  const checked = provider === undefined ? null : await provider.check(pending.batchId, pending.id);
  const ran = checked?.ok === true && checked.value.state !== 'waiting' ? checked.value : null;
  // A batch has 24 hours; past its reservation's margin, the provider will not say more.
  const givenUp = deps.now().getTime() - Date.parse(pending.at) > BATCH_RESERVATION_TTL_MS;
  if (ran === null && provider !== undefined && !givenUp) {
    const canceled = await provider.cancel(pending.batchId);
    if (!canceled.ok)
      run.log.warn(
        { batchId: pending.batchId, err: canceled.error },
        'cannot cancel a superseded batch',
      );
    await deps.batches.schedule(
      pollJobUnder(next.head, run.job, pending.id, next.poll),
      deps.batches.pollDelayMs(next.poll),
    );
    run.log.info(
      { batchId: pending.batchId },
      'superseded batch canceled: its cost is recorded once its provider says it ended',
    );
    return;
  }
  const moved = await deps.ledger.updatePendingBatch(pending.id, {
    from: 'submitted',
    state: 'superseded',
    at: deps.now().toISOString(),
  });
  if (!moved) return;
  const usage = ran === null ? null : ran.state === 'answered' ? ran.reply.usage : ran.usage;
  const { title, summary, log } = MOOT_CHECK[why];
  run.log.info({ batchId: pending.batchId }, log);
  await finishJob(
    batchEnded(pending, {
      outcome: 'superseded',
      spent: priceBatch(pending, usage, deps, run.log),
      error:
        usage === null
          ? givenUp && ran === null
            ? 'canceled; its provider never said the batch ended, so what it cost is not known'
            : 'canceled before the batch ran'
          : why === 'closed'
            ? 'pull request closed while the batch waited'
            : null,
      check: { title, summary },
    }),
    run,
    deps,
  );
};

/** At the start of a job for a new head: every batch of an older head of the pull request ends. */
export const supersedeWaitingBatches = async (run: JobRun, deps: Deps): Promise<void> => {
  const waiting = await deps.ledger.listWaitingBatches({ repo: run.repo, pr: run.job.pr });
  for (const pending of waiting) {
    if (pending.headSha === run.job.headSha) continue;
    const older = await openJob(originalJob(pending, run.job.owner, run.job.repo), deps);
    await supersedeBatch(pending, older, deps, 'newer-push', {
      head: run.job.headSha,
      poll: pending.polls + 1,
    });
  }
};
