import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { Log } from '../domain/log.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, ReviewJob } from '../domain/review-job.js';
import type { GitHubPort, PullRef } from '../github/types.js';
import type { WorkerDeps } from './types.js';

/** Everything one job has learned by the time it decides how to review. */
export interface ReviewContext {
  readonly job: ReviewJob;
  readonly deps: WorkerDeps;
  readonly log: Log;
  readonly gh: GitHubPort;
  readonly ref: PullRef;
  readonly repo: string;
  readonly startedAt: string;
  readonly policy: Policy;
  readonly pr: PullRequestFacts;
  readonly diff: DiffModel;
  readonly classification: Classification;
  readonly signal: AbortSignal;
}
