import type { ReviewJob, Trigger } from '../domain/review-job.js';

/** The fields of a pull_request webhook payload that intake reads (lenient: GitHub sends far more). */
export interface PullRequestEventPayload {
  readonly action: string;
  readonly installation?: { readonly id: number } | undefined;
  readonly repository: { readonly name: string; readonly owner: { readonly login: string } };
  readonly pull_request: { readonly number: number; readonly head: { readonly sha: string } };
  /** On `labeled` and `unlabeled`: the label added or taken off. */
  readonly label?: { readonly name: string } | undefined;
}

export const REVIEW_ACTIONS = [
  'opened',
  'reopened',
  'synchronize',
  'ready_for_review',
  'labeled',
  'unlabeled',
] as const;

const isTrigger = (action: string): action is Trigger =>
  (REVIEW_ACTIONS as readonly string[]).includes(action);

/** Null when the event is not one that asks for a review, or came without an installation. */
export const toReviewJob = (
  deliveryId: string,
  payload: PullRequestEventPayload,
  receivedAt: Date,
): ReviewJob | null => {
  if (!isTrigger(payload.action) || payload.installation === undefined) return null;
  return {
    deliveryId,
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pr: payload.pull_request.number,
    headSha: payload.pull_request.head.sha,
    trigger: payload.action,
    forcedTier: null,
    receivedAt: receivedAt.toISOString(),
    ...((payload.action === 'labeled' || payload.action === 'unlabeled') &&
    payload.label !== undefined
      ? { label: payload.label.name }
      : {}),
  };
};
