import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import type { GitHubPort, PullRef } from '../github/types.js';
import { abortCause, JobAborted } from '../queue/job-aborted.js';
import { isSkipLabel } from '../route/find-skip-rule.js';

/** Why the answer must not be posted: the pull request moved on while the model was thinking. */
export type Moot = 'newer-push' | 'closed' | 'draft' | 'skip-label';

/**
 * The head moved, the pull request was closed, or the queue aborted the job; or the pull request
 * became what the policy skips (a draft, under `skip.drafts`; a `skip.labels` label put on).
 */
export const mootness = async (
  gh: Pick<GitHubPort, 'getPullRequest'>,
  target: {
    readonly ref: PullRef;
    readonly headSha: string;
    readonly signal: AbortSignal;
    readonly policy: Pick<Policy, 'skip'>;
  },
): Promise<Moot | null> => {
  const cause = abortCause(target.signal);
  if (cause === 'superseded') return 'newer-push';
  // Shutdown, a lost lease or a crash hands the job back: nothing is posted from this run.
  if (target.signal.aborted)
    throw new JobAborted(cause ?? 'abandoned', 'the queue took this job back');
  const current = await gh.getPullRequest(target.ref);
  if (current.state === 'closed') return 'closed';
  if (current.headSha !== target.headSha) return 'newer-push';
  return skippedByPolicy(target.policy, current);
};

/** A draft under `skip.drafts`, or a `skip.labels` label on: what the policy does not review. */
export const skippedByPolicy = (
  policy: Pick<Policy, 'skip'>,
  pr: Pick<PullRequestFacts, 'draft' | 'labels'>,
): 'draft' | 'skip-label' | null => {
  if (policy.skip.drafts && pr.draft) return 'draft';
  return pr.labels.some((label) => isSkipLabel(policy, label)) ? 'skip-label' : null;
};

export const MOOT_CHECK: Record<Moot, { title: string; summary: string; log: string }> = {
  'newer-push': {
    title: 'Superseded by a newer push',
    summary:
      'The pull request changed while this review ran; the newer commit gets its own review. What this one cost is recorded.',
    log: 'a newer push superseded this review: abandoned, spend recorded',
  },
  closed: {
    title: 'Pull request closed during the review',
    summary:
      'The pull request was closed while the model answered, so nothing was posted. What the review cost is recorded.',
    log: 'the pull request was closed during the review: abandoned, spend recorded',
  },
  draft: {
    title: 'Made a draft during the review',
    summary:
      'The pull request became a draft while the model answered, and the policy skips drafts (skip.drafts), so nothing was posted. It is reviewed when it is marked ready. What the review cost is recorded.',
    log: 'the pull request became a draft during the review: abandoned, spend recorded',
  },
  'skip-label': {
    title: 'Skip label put on during the review',
    summary:
      'A label in skip.labels was put on the pull request while the model answered, so nothing was posted. What the review cost is recorded.',
    log: 'a skip label was put on during the review: abandoned, spend recorded',
  },
};

/** The error a mooted answer's row keeps; null for a newer push (its row says superseded). */
export const MOOT_ERROR: Record<Moot, string | null> = {
  'newer-push': null,
  closed: 'pull request closed during the review',
  draft: 'made a draft during the review (skip.drafts)',
  'skip-label': 'skip label put on during the review (skip.labels)',
};
