import type { GitHubPort, PullRef } from '../github/types.js';
import { abortCause, JobAborted } from '../queue/job-aborted.js';

/** Why the answer must not be posted: the pull request moved on while the model was thinking. */
export type Moot = 'newer-push' | 'closed';

/** The head moved, the pull request was closed, or the queue aborted the job. */
export const mootness = async (
  gh: Pick<GitHubPort, 'getPullRequest'>,
  target: { readonly ref: PullRef; readonly headSha: string; readonly signal: AbortSignal },
): Promise<Moot | null> => {
  const cause = abortCause(target.signal);
  if (cause === 'superseded') return 'newer-push';
  // Shutdown, a lost lease or a crash hands the job back: nothing is posted from this run.
  if (target.signal.aborted)
    throw new JobAborted(cause ?? 'abandoned', 'the queue took this job back');
  const current = await gh.getPullRequest(target.ref);
  if (current.state === 'closed') return 'closed';
  return current.headSha === target.headSha ? null : 'newer-push';
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
};
