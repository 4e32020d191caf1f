import type { ReviewJob } from '../domain/review-job.js';

/** `owner/repo#pr`: the unit of serialisation and supersession in every queue. */
export const prKey = (job: Pick<ReviewJob, 'owner' | 'repo' | 'pr'>): string =>
  `${job.owner}/${job.repo}#${job.pr}`;

/** The triggers whose jobs act on the pull request as it is when they run, whatever its head. */
const HEADLESS_TRIGGERS = ['command', 'feedback'] as const;

/**
 * Whether a newer push supersedes the job, and the job supersedes older ones. A command or the
 * feedback of a close or reopen does neither: a push must not drop `/review skip` or a reopen, and
 * a comment read with the head before a push must not stop that push's review.
 */
export const followsHead = (job: Pick<ReviewJob, 'trigger'>): boolean =>
  !(HEADLESS_TRIGGERS as readonly string[]).includes(job.trigger);

/** The same rule in SQL over a stored job's JSON `payload` (`column`). */
export const followsHeadSql = (column: string): string =>
  `json_extract(${column}, '$.trigger') NOT IN (${HEADLESS_TRIGGERS.map((t) => `'${t}'`).join(', ')})`;

/**
 * A poll of a waiting batch carries the trigger of the job that submitted it, but is no push: it
 * never stops other work. A newer push stops it as it stops the batch's review (its job ends the
 * batch, and queues a poll of its own to see it end).
 */
const notPollSql = (column: string): string => `json_extract(${column}, '$.batchPoll') IS NULL`;

/**
 * The triggers that announce the pull request's head: a push, an open, a reopen. The others
 * (a label, a draft made ready, a re-run) carry the head they saw, which a late delivery makes an
 * older one: they wait their turn, and a job that finds the head moved queues one for it.
 */
const HEAD_TRIGGERS = ['opened', 'synchronize', 'reopened'] as const;

/** Whether the job is the newest push of its pull request when it arrives, and stops older ones. */
export const announcesHead = (job: Pick<ReviewJob, 'trigger' | 'batchPoll'>): boolean =>
  (HEAD_TRIGGERS as readonly string[]).includes(job.trigger) && job.batchPoll === undefined;

/** The same rule in SQL over a stored job's JSON `payload` (`column`). */
export const announcesHeadSql = (column: string): string =>
  `(json_extract(${column}, '$.trigger') IN (${HEAD_TRIGGERS.map((t) => `'${t}'`).join(', ')}) AND ${notPollSql(column)})`;

/**
 * Whether enqueuing `newer` stops `older` of the same pull request: a push (or an open) of another
 * head stops work that follows the head. A late label or re-run of an older head stops nothing.
 */
export const supersedes = (newer: ReviewJob, older: ReviewJob): boolean =>
  announcesHead(newer) && followsHead(older) && newer.headSha !== older.headSha;
