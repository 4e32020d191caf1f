/**
 * GitHub holds one pending (unsubmitted) review per user and pull request, and refuses any other
 * review while it stands, even a submitted COMMENT (422 "User can only have one pending review per
 * pull request"). The app makes pending reviews only as probes it deletes at once; one left behind
 * (its delete failed) would block every review after it, so it is found and deleted.
 */
import type { ProbotOctokit } from 'probot';
import { httpStatus } from '../domain/http-status.js';
import type { PullRef } from './types.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

export const isPendingConflict = (error: unknown): boolean =>
  httpStatus(error) === 422 && error instanceof Error && /one pending review/i.test(error.message);

/** Deletes the app's own pending reviews on the pull request (GitHub lists only the caller's). */
export const deletePendingReviews = async (
  octokit: Octokit,
  { owner, repo, pr }: PullRef,
): Promise<void> => {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner,
    repo,
    pull_number: pr,
    per_page: 100,
  });
  for (const review of reviews.filter((candidate) => candidate.state === 'PENDING'))
    await octokit.rest.pulls.deletePendingReview({
      owner,
      repo,
      pull_number: pr,
      review_id: review.id,
    });
};
