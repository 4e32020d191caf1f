/**
 * After a review is posted: findings posted before, tracked at the head the push started from,
 * are followed through the compare the incremental review already read (their lines changed? their
 * suggestion applied? where are they now?), then the new findings are kept with their tier, model
 * and share of the review's cost.
 */
import type { DiffModel } from '../domain/diff.js';
import type { PostedFindingRecord } from '../domain/finding-feedback.js';
import type { Finding } from '../domain/model-answer.js';
import type { ProviderId } from '../domain/policy.js';
import type { Tier } from '../domain/review-job.js';
import { fileOfFinding, followFinding } from './follow-finding.js';
import { splitCost } from './split-cost.js';
import type { FindingFeedback } from './types.js';

export interface PostedReviewFeedback {
  /** owner/name */
  readonly repo: string;
  readonly pr: number;
  readonly deliveryId: string;
  readonly reviewId: number;
  readonly headSha: string;
  readonly postedAt: string;
  readonly tier: Tier;
  readonly provider: ProviderId;
  readonly model: string;
  /** What the review cost in all (an escalated fast answer and failed calls included). */
  readonly costUsd: number;
  readonly findings: readonly { readonly finding: Finding; readonly fingerprint: string }[];
  /** The compare between the head reviewed last and this one, when the review was incremental. */
  readonly increment: { readonly base: string; readonly diff: DiffModel } | null;
}

export const rememberFindingFeedback = async (
  review: PostedReviewFeedback,
  feedback: Pick<FindingFeedback, 'listPullFindings' | 'followPush' | 'recordFindings'>,
): Promise<void> => {
  const key = { repo: review.repo, pr: review.pr };
  const { increment } = review;
  if (increment !== null) {
    const tracked = (await feedback.listPullFindings(key)).filter(
      (finding) => finding.tracked.sha === increment.base,
    );
    await feedback.followPush({
      ...key,
      base: increment.base,
      at: review.postedAt,
      findings: tracked.map((finding) => ({
        fingerprint: finding.fingerprint,
        ...followFinding(finding, fileOfFinding(increment.diff, finding), review.headSha),
      })),
    });
  }
  const shares = splitCost(review.costUsd, review.findings.length);
  await feedback.recordFindings(
    review.findings.map(({ finding, fingerprint }, index): PostedFindingRecord => ({
      ...key,
      fingerprint,
      deliveryId: review.deliveryId,
      reviewId: review.reviewId,
      path: finding.path,
      line: finding.line,
      startLine: finding.start_line,
      side: finding.side,
      tier: review.tier,
      provider: review.provider,
      model: review.model,
      category: finding.category,
      severity: finding.severity,
      suggestion: finding.suggestion,
      costUsd: shares[index] ?? 0,
      postedAt: review.postedAt,
      tracked: { sha: review.headSha, line: finding.line, startLine: finding.start_line },
    })),
  );
};
