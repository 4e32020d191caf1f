/** What publishing a review reads: the change as reviewed, the answer, and the ports it writes through. */
import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { Log } from '../domain/log.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, ReviewJob } from '../domain/review-job.js';
import type { ReviewScope } from '../domain/review-scope.js';
import type { FindingFeedback } from '../feedback/types.js';
import type { GitHubPort, PullRef } from '../github/types.js';
import type { CostRows, PullMemory, PullState } from '../ledger/types.js';
import type { SecretReport } from '../secrets/types.js';
import type { OmittedFile } from './render-summary.js';

export interface ReviewedChange {
  readonly job: ReviewJob;
  /** owner/name */
  readonly repo: string;
  readonly policy: Policy;
  /** Title, description and branch names with secrets redacted. */
  readonly pr: PullRequestFacts;
  /** What the model reviewed, redacted: the whole pull request or the changes since the last review. */
  readonly diff: DiffModel;
  /** The whole pull request's diff, where inline comments must sit. */
  readonly pullDiff: DiffModel;
  readonly classification: Classification;
  /** The secrets found before redaction, posted with the review. */
  readonly secrets: SecretReport;
  readonly scope: ReviewScope;
  /** The review whose body holds the pull request's summary so far, if any. */
  readonly pullState: Pick<PullState, 'summaryReviewId'> | null;
  /** Lockfiles and generated files kept out of `diff`, listed in the summary. */
  readonly leftOut: readonly OmittedFile[];
}

export interface PublishPorts {
  readonly gh: Pick<
    GitHubPort,
    | 'createReview'
    | 'findReview'
    | 'acceptsComments'
    | 'listReviewThreads'
    | 'getReviewBody'
    | 'updateReviewBody'
  >;
  readonly ref: PullRef;
  readonly log: Log;
  readonly ledger: Pick<CostRows, 'list'> &
    Pick<PullMemory, 'listPostedFindings' | 'recordPostedFindings' | 'updatePullState'> &
    Pick<FindingFeedback, 'listPullFindings' | 'followPush' | 'recordFindings'>;
  readonly now: () => Date;
}
