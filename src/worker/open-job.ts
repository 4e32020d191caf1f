import type { Log } from '../domain/log.js';
import { repoFullName, type ReviewJob } from '../domain/review-job.js';
import type { GitHubPort, PullRef } from '../github/types.js';
import type { WorkerDeps } from './types.js';

/** One job under way: which pull request, GitHub for its installation, its logger and start time. */
export interface JobRun {
  readonly job: ReviewJob;
  /** owner/name */
  readonly repo: string;
  readonly ref: PullRef;
  readonly gh: GitHubPort;
  /** Tagged with the delivery id, repo, pull request and head SHA. */
  readonly log: Log;
  /** Every ledger row of the job carries it. */
  readonly startedAt: string;
}

export const openJob = async (
  job: ReviewJob,
  deps: Pick<WorkerDeps, 'github' | 'log' | 'now'>,
): Promise<JobRun> => {
  const repo = repoFullName(job);
  return {
    job,
    repo,
    ref: { owner: job.owner, repo: job.repo, pr: job.pr },
    gh: await deps.github(job.installationId),
    log: deps.log.child({ deliveryId: job.deliveryId, repo, pr: job.pr, headSha: job.headSha }),
    startedAt: deps.now().toISOString(),
  };
};
