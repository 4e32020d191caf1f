import type { FindingSignal } from '../domain/finding-feedback.js';
import { readFingerprints } from '../publish/fingerprint-finding.js';
import { isBot } from './to-command-job.js';

/** The fields of a pull_request_review_thread payload that intake reads (lenient). */
export interface ReviewThreadEventPayload {
  readonly action: string;
  readonly repository?: { readonly name: string; readonly owner: { readonly login: string } };
  readonly pull_request?: { readonly number: number };
  readonly thread?: {
    readonly comments?: ReadonlyArray<{
      readonly body?: string | null;
      /** Who wrote it: the app's comments are its bot account's (`type: Bot`); null for a ghost. */
      readonly user?: { readonly login: string; readonly type?: string | undefined } | null;
    }>;
  };
  readonly sender?: { readonly login: string; readonly type?: string | undefined } | undefined;
}

export interface ThreadSignal {
  /** owner/name */
  readonly repo: string;
  readonly pr: number;
  readonly fingerprints: readonly string[];
  readonly signal: FindingSignal;
}

/**
 * A person resolved or unresolved a thread the app started: the signal for the findings its first
 * comment (written by a bot account) carries. Null for a bot's doing, another thread, or another
 * action.
 */
export const toThreadSignal = (payload: ReviewThreadEventPayload): ThreadSignal | null => {
  if (payload.action !== 'resolved' && payload.action !== 'unresolved') return null;
  // A thread event without a sender cannot be told from a bot's: it does not count.
  if (payload.sender === undefined || isBot(payload.sender)) return null;
  // The marker counts only in a comment a bot wrote: a person who copies it into a thread of
  // their own does not get to resolve the app's finding.
  const first = payload.thread?.comments?.[0];
  if (first?.user?.type !== 'Bot') return null;
  const fingerprints = readFingerprints(first.body ?? '');
  // A payload without the pull request or the repository names no finding: nothing to keep.
  if (fingerprints.length === 0 || !payload.repository || !payload.pull_request) return null;
  return {
    repo: `${payload.repository.owner.login}/${payload.repository.name}`,
    pr: payload.pull_request.number,
    fingerprints,
    signal: payload.action,
  };
};
