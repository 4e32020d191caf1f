/** The pull request memory's data (tables `pr_state` and `posted_findings`) and its port. */

/** One pull request: `owner/name` and its number. */
export interface PullKey {
  readonly repo: string;
  readonly pr: number;
}

/** Who stopped the reviews of a pull request with `/review skip`, and in which comment. */
export interface SkipRequest {
  readonly by: string;
  readonly commentId: number;
}

/** What the app remembers about one pull request between jobs (table `pr_state`). */
export interface PullState extends PullKey {
  /** The head SHA of the last review posted on the pull request: where an incremental review starts. */
  readonly lastReviewedSha: string | null;
  /** The base branch the pull request had at that review: a retarget since is reviewed whole. */
  readonly lastReviewedBase: string | null;
  /** Set by `/review skip`, cleared by `/review`: later pushes are not reviewed. */
  readonly skip: SkipRequest | null;
  /** The review whose body holds the pull request's current summary. */
  readonly summaryReviewId: number | null;
  readonly updatedAt: string;
}

/** The fields to change; a field left out keeps its stored value (or null for a new row). */
export interface PullStateUpdate extends PullKey {
  /** ISO time of the change, stored as updatedAt. */
  readonly at: string;
  readonly lastReviewedSha?: string;
  readonly lastReviewedBase?: string;
  readonly skip?: SkipRequest | null;
  readonly summaryReviewId?: number;
}

/** A finding the app posted on a pull request, by its fingerprint (table `posted_findings`). */
export interface PostedFinding extends PullKey {
  readonly fingerprint: string;
  /** The review that carried it; null when it is not known. */
  readonly reviewId: number | null;
  readonly headSha: string;
  readonly createdAt: string;
}

/** What the app remembers per pull request between jobs, and the findings it posted. */
export interface PullMemory {
  /** The pull request's remembered state; null when the app has never stored any. */
  getPullState(key: PullKey): Promise<PullState | null>;
  /** Creates or changes the pull request's state (only the fields given) and returns it. */
  updatePullState(update: PullStateUpdate): Promise<PullState>;
  /** Remembers posted findings; a fingerprint already stored for the pull request keeps its first row. */
  recordPostedFindings(findings: readonly PostedFinding[]): Promise<void>;
  /** Every finding posted on the pull request, oldest first. */
  listPostedFindings(key: PullKey): Promise<PostedFinding[]>;
}
