/** Data the publish stage takes beyond the review itself. */

/** The repository a review is posted on: the only place its links may point to. */
export interface RepositoryLink {
  /** `https://github.com`, or the GitHub Enterprise host's origin. */
  readonly origin: string;
  readonly owner: string;
  readonly repo: string;
}
