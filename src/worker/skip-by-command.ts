import type { Log } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { GitHubPort, PullRef } from '../github/types.js';
import type { SkipRequest } from '../ledger/types.js';
import { buildLedgerEntry } from './build-ledger-entry.js';
import type { WorkerDeps } from './types.js';
import { postFinishedCheck } from './post-finished-check.js';

export interface SkipByCommandContext {
  readonly job: ReviewJob;
  readonly deps: WorkerDeps;
  readonly gh: GitHubPort;
  readonly ref: PullRef;
  readonly log: Log;
  readonly startedAt: string;
}

/** `skipped by /review skip from @octocat (comment 901)`: the reason in the check run and the ledger. */
export const describeSkip = (skip: SkipRequest): string =>
  `skipped by /review skip from @${skip.by} (comment ${skip.commentId})`;

/**
 * Someone with write access said `/review skip` on this pull request: every later push gets a
 * `skipped` check run that says who and where, and a ledger row, until `/review` clears it.
 */
export const skipByCommand = async (
  context: SkipByCommandContext,
  skip: SkipRequest,
): Promise<void> => {
  const { gh, ref, job, deps } = context;
  const reason = describeSkip(skip);
  context.log.info({ by: skip.by, commentId: skip.commentId }, 'reviews stopped by /review skip');
  await postFinishedCheck(gh, { ref, headSha: job.headSha }, 'skipped', {
    title: `Skipped by /review skip from @${skip.by} (comment ${skip.commentId})`,
    summary:
      `@${skip.by} asked review-router to stop reviewing this pull request in comment ` +
      `${skip.commentId}. Comment \`/review\` on the pull request to review it again.`,
  });
  await deps.ledger.record(
    buildLedgerEntry({
      job,
      startedAt: context.startedAt,
      finishedAt: deps.now().toISOString(),
      classification: null,
      tier: 'skip',
      outcome: 'skipped',
      reason,
    }),
  );
};
