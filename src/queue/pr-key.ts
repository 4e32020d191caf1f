import type { ReviewJob } from '../domain/review-job.js';

/** `owner/repo#pr`: the unit of serialisation and supersession in every queue. */
export const prKey = (job: Pick<ReviewJob, 'owner' | 'repo' | 'pr'>): string =>
  `${job.owner}/${job.repo}#${job.pr}`;
