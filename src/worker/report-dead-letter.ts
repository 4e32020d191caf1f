import { errorMessage } from '../domain/errors.js';
import { HEAD_WHEN_RUN, type ReviewJob } from '../domain/review-job.js';
import { buildLedgerEntry } from './build-ledger-entry.js';
import type { WorkerDeps } from './types.js';
import { postFinishedCheck } from './post-finished-check.js';
import { rearmBatchPoll } from './rearm-batch-poll.js';

/**
 * A job that failed its last attempt must not vanish: a failed check run says so on the commit,
 * and a ledger row keeps the error. Each step on its own, because GitHub may be the thing that is
 * down: the ledger row is written whatever happens to the check run. A poll of a batch still
 * waiting is queued again instead (rearmBatchPoll): the batch is billed whatever its polls meet.
 */
export const reportDeadLetter = async (
  queued: ReviewJob,
  error: unknown,
  deps: WorkerDeps,
): Promise<void> => {
  const job = await withHead(queued, deps);
  const message = errorMessage(error);
  const log = deps.log.child({ deliveryId: job.deliveryId, pr: job.pr, headSha: job.headSha });
  log.error({ err: error }, 'review job failed its last attempt');
  // A feedback job reviews nothing: no commit to mark, no spend to record.
  if (job.trigger === 'feedback') return;
  const rearmed = await rearmBatchPoll(job, deps).catch((rearmError: unknown) => {
    log.error({ err: rearmError }, 'could not queue the batch poll again');
    return false;
  });
  if (rearmed) {
    log.warn({ pendingId: job.batchPoll?.pendingId }, 'batch poll queued again, later');
    return;
  }
  const now = deps.now().toISOString();
  try {
    await deps.ledger.record(
      buildLedgerEntry({
        job,
        startedAt: now,
        finishedAt: now,
        classification: null,
        tier: 'skip',
        outcome: 'failed',
        reason: 'dead-lettered after retries',
        error: message,
      }),
    );
  } catch (ledgerError) {
    log.error({ err: ledgerError }, 'could not record the dead-lettered job');
  }
  // No attempt will finish the claims this delivery holds: free them, so a re-run or a later
  // event may review the commit, and end the check runs they opened rather than leave them running.
  const opened = await deps.ledger
    .releaseHeldBy({ repo: `${job.owner}/${job.repo}`, pr: job.pr }, job.deliveryId)
    .catch((claimError: unknown) => {
      log.error({ err: claimError }, 'could not release the claims of the dead-lettered job');
      return [];
    });
  const output = {
    title: 'review-router could not review this commit',
    summary:
      `Every attempt failed; the last error was:\n\n> ${message.slice(0, 1_000)}\n\n` +
      'Nothing was posted. To try again, use Re-run on this check, or push a new commit.',
  };
  try {
    const gh = await deps.github(job.installationId);
    const ref = { owner: job.owner, repo: job.repo, pr: job.pr };
    if (opened.length === 0)
      await postFinishedCheck(gh, { ref, headSha: job.headSha }, 'failure', output);
    for (const checkId of opened) await gh.completeCheckRun(ref, checkId, 'failure', output);
  } catch (githubError) {
    log.error({ err: githubError }, 'could not post the dead-letter check run');
  }
};

/** A command job carries no head: the pull request's, for its row and its check run, if GitHub says. */
const withHead = async (job: ReviewJob, deps: WorkerDeps): Promise<ReviewJob> => {
  if (job.headSha !== HEAD_WHEN_RUN) return job;
  try {
    const gh = await deps.github(job.installationId);
    const pr = await gh.getPullRequest({ owner: job.owner, repo: job.repo, pr: job.pr });
    return { ...job, headSha: pr.headSha };
  } catch {
    return job;
  }
};
