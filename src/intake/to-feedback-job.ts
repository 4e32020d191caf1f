import type { ReviewJob } from '../domain/review-job.js';
import type { PullRequestEventPayload } from './to-review-job.js';

/**
 * A pull request that closed or reopened becomes a feedback job (its findings' outcomes are
 * settled or reopened by the worker). A reopened pull request is also reviewed under the event's
 * own delivery id, so its feedback job takes a delivery id of its own, the same on a redelivery.
 */
export const toFeedbackJob = (
  deliveryId: string,
  payload: PullRequestEventPayload,
  receivedAt: Date,
): ReviewJob | null => {
  if (payload.installation === undefined) return null;
  if (payload.action !== 'closed' && payload.action !== 'reopened') return null;
  return {
    deliveryId: payload.action === 'closed' ? deliveryId : `${deliveryId}:feedback`,
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pr: payload.pull_request.number,
    headSha: payload.pull_request.head.sha,
    trigger: 'feedback',
    forcedTier: null,
    receivedAt: receivedAt.toISOString(),
  };
};
