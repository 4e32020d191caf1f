import { CHECK_RUN_NAME, type ReviewJob } from '../domain/review-job.js';

/** The fields of a check_run webhook payload that intake reads (lenient). */
export interface CheckRunEventPayload {
  readonly action: string;
  readonly installation?: { readonly id: number } | undefined;
  readonly repository?: { readonly name: string; readonly owner: { readonly login: string } };
  readonly check_run?: {
    readonly name?: string;
    readonly head_sha?: string;
    readonly external_id?: string | null;
    readonly pull_requests?: ReadonlyArray<{ readonly number: number }>;
  };
}

/**
 * "Re-run" on the app's check run (`check_run.rerequested`, which GitHub sends only to the app that
 * made the run) becomes a review job for that commit. The pull request is the one GitHub lists,
 * else the number the app wrote in the run's `external_id` (GitHub lists none for a fork's).
 * Null for another check run, another action, or a run naming no pull request.
 */
export const toRerunJob = (
  deliveryId: string,
  payload: CheckRunEventPayload,
  receivedAt: Date,
): ReviewJob | null => {
  const run = payload.check_run;
  if (payload.action !== 'rerequested' || run?.name !== CHECK_RUN_NAME) return null;
  if (payload.installation === undefined || payload.repository === undefined) return null;
  const pr = run.pull_requests?.[0]?.number ?? Number(run.external_id ?? '');
  if (!Number.isInteger(pr) || pr <= 0 || run.head_sha === undefined) return null;
  return {
    deliveryId,
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pr,
    headSha: run.head_sha,
    trigger: 'rerequested',
    forcedTier: null,
    receivedAt: receivedAt.toISOString(),
  };
};
