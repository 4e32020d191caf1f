import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, ReviewJob } from '../domain/review-job.js';
import type { ReviewScope } from '../domain/review-scope.js';
import type { PullState } from '../ledger/types.js';
import type { OmittedFile } from '../publish/render-summary.js';
import type { SecretReport } from '../secrets/types.js';

/** What a job knows of the change once it is read, redacted and classified: plain data, no ports. */
export interface ReviewSubject {
  readonly job: ReviewJob;
  /** owner/name */
  readonly repo: string;
  readonly policy: Policy;
  /** Title, description and branch names with secrets redacted. */
  readonly pr: PullRequestFacts;
  /** What the model reviews, redacted: the whole pull request or the changes since the last review. */
  readonly diff: DiffModel;
  /** The whole pull request's diff, where inline comments must sit. */
  readonly pullDiff: DiffModel;
  readonly classification: Classification;
  /** The secrets found before redaction, posted with the review. */
  readonly secrets: SecretReport;
  readonly scope: ReviewScope;
  /** What the ledger remembers of the pull request (last review, skip, summary review). */
  readonly pullState: PullState | null;
  /** Lockfiles and generated files kept out of `diff`, listed in the summary. */
  readonly leftOut: readonly OmittedFile[];
}
