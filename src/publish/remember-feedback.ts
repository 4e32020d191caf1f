import { rememberFindingFeedback } from '../feedback/remember-finding-feedback.js';
import type { PublishOptions } from './publish-review.js';
import type { PostedReview } from './remember-review.js';
import type { PublishPorts, ReviewedChange } from './reviewed-change.js';

/**
 * Keeps the posted findings for the feedback on them (tier, model, cost share) and follows the
 * earlier findings through this push's compare. Best effort: the review is posted, and a failure
 * here costs signals, never a second review.
 */
export const rememberFeedback = async (
  change: Pick<ReviewedChange, 'job' | 'repo' | 'scope' | 'diff'>,
  review: PostedReview,
  {
    result,
    spentBeforeUsd,
    ports,
  }: Pick<PublishOptions, 'result' | 'spentBeforeUsd'> & {
    readonly ports: Pick<PublishPorts, 'ledger' | 'log' | 'now'>;
  },
): Promise<void> => {
  const { scope } = change;
  try {
    await rememberFindingFeedback(
      {
        repo: change.repo,
        pr: change.job.pr,
        deliveryId: change.job.deliveryId,
        reviewId: review.id,
        headSha: change.job.headSha,
        postedAt: ports.now().toISOString(),
        tier: result.choice.tier,
        provider: result.choice.model.provider,
        model: result.choice.model.model,
        costUsd: spentBeforeUsd + result.costUsd,
        findings: review.findings.flatMap((finding) => {
          const fingerprint = review.fingerprints.get(finding);
          return fingerprint ? [{ finding, fingerprint }] : [];
        }),
        increment:
          scope.kind === 'incremental'
            ? { base: scope.baseSha, diff: scope.compared ?? change.diff }
            : null,
      },
      ports.ledger,
    );
  } catch (error) {
    ports.log.warn({ err: error }, 'cannot keep the posted findings for feedback');
  }
};
