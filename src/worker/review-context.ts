import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { Log } from '../domain/log.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, ReviewJob } from '../domain/review-job.js';
import type { ReviewScope } from '../domain/review-scope.js';
import type { GitHubPort, PullRef } from '../github/types.js';
import type { PullState } from '../ledger/types.js';
import type { OmittedFile } from '../publish/render-summary.js';
import type { SecretReport } from '../secrets/types.js';
import type { ReviewDeadline } from './review-deadline.js';
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
  /** Title, description and branch names with secrets redacted. */
  readonly pr: PullRequestFacts;
  /** The change with secrets redacted: what every prompt is built from. */
  readonly diff: DiffModel;
  readonly classification: Classification;
  readonly signal: AbortSignal;
  /**
   * The total deadline of this job's model calls (`ReviewLimits.reviewDeadlineMs`), started when
   * the job started.
   */
  readonly deadline: ReviewDeadline;
  /** The secrets found before redaction, posted with the review. */
  readonly secrets: SecretReport;
  /** Whole or incremental review (then `diff` holds only the changes since the last review). */
  readonly scope?: ReviewScope;
  /** The whole pull request's diff, where inline comments must sit; absent means `diff`. */
  readonly pullDiff?: DiffModel;
  /** What the ledger remembers of the pull request (last review, skip, summary review). */
  readonly pullState?: PullState | null;
  /** Lockfiles and generated files kept out of `diff`, listed in the summary. */
  readonly leftOut?: readonly OmittedFile[];
}
