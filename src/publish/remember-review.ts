import type { Finding } from '../domain/model-answer.js';
import { collapseSummary } from './collapse-summary.js';
import type { PublishPorts, ReviewedChange } from './reviewed-change.js';

export interface PostedReview {
  readonly id: number;
  readonly url: string;
  /** Every finding the review carries, inline or in its body. */
  readonly findings: readonly Finding[];
  readonly fingerprints: ReadonlyMap<Finding, string>;
}

/**
 * After a review is posted: its findings' fingerprints (so no later push repeats them), the head
 * SHA the next push is compared with, and the review that now holds the summary, all in the
 * ledger. The summary of the review before is then cut down to a pointer (best effort: a failure
 * leaves two summaries, not a lost review).
 */
export const rememberReview = async (
  change: Pick<ReviewedChange, 'job' | 'repo' | 'pullState' | 'pr'>,
  review: PostedReview,
  ports: Pick<PublishPorts, 'gh' | 'ref' | 'log' | 'ledger' | 'now'>,
): Promise<void> => {
  const { job, repo } = change;
  const at = ports.now().toISOString();
  await ports.ledger.recordPostedFindings(
    review.findings.flatMap((finding) => {
      const fingerprint = review.fingerprints.get(finding);
      return fingerprint
        ? [
            {
              repo,
              pr: job.pr,
              fingerprint,
              reviewId: review.id,
              headSha: job.headSha,
              createdAt: at,
            },
          ]
        : [];
    }),
  );
  const previous = change.pullState?.summaryReviewId ?? null;
  await ports.ledger.updatePullState({
    repo,
    pr: job.pr,
    at,
    lastReviewedSha: job.headSha,
    lastReviewedBase: change.pr.baseRef,
    summaryReviewId: review.id,
  });
  if (previous === null || previous === review.id) return;
  try {
    const body = await ports.gh.getReviewBody(ports.ref, previous);
    const collapsed =
      body === null ? null : collapseSummary(body, { headSha: job.headSha, url: review.url });
    if (collapsed !== null)
      await ports.gh.updateReviewBody(ports.ref, { id: previous, body: collapsed });
  } catch (error) {
    ports.log.warn({ reviewId: previous, err: error }, 'cannot cut down the previous summary');
  }
};
