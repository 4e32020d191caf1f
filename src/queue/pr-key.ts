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

/** Whether enqueuing `newer` stops `older` of the same pull request. */
export const supersedes = (newer: ReviewJob, older: ReviewJob): boolean =>
  followsHead(newer) && followsHead(older) && newer.headSha !== older.headSha;
