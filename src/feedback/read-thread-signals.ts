/**
 * What people did in the review threads of the app's findings, read once at close: resolved (by a
 * person), replied to (by a person), reacted +1 or -1 (by a person other than the app). A thread
 * belongs to the findings whose markers its first comment, written by a bot, carries.
 */
import type { FindingSignal } from '../domain/finding-feedback.js';
import type { FindingThread, GitHubActor } from '../github/types.js';
import { readFingerprints } from '../publish/fingerprint-finding.js';

const isPerson = (actor: GitHubActor | null): actor is GitHubActor =>
  actor !== null && !actor.isBot && !actor.login.endsWith('[bot]');

const signalsOf = (thread: FindingThread): FindingSignal[] => {
  const signals: FindingSignal[] = [];
  // GraphQL's resolvedBy is a User: a thread an app resolved has none, and does not count.
  if (thread.isResolved && isPerson(thread.resolvedBy)) signals.push('resolved');
  if (thread.comments.slice(1).some((comment) => isPerson(comment.author))) signals.push('replied');
  for (const content of ['+1', '-1'] as const) {
    if (thread.reactions.some((r) => r.content === content && isPerson(r.user)))
      signals.push(content);
  }
  return signals;
};

/** Each fingerprint's signals at close; a finding without a thread (in the review body) has none. */
export const readThreadSignals = (
  threads: readonly FindingThread[],
): Map<string, Set<FindingSignal>> => {
  const byFingerprint = new Map<string, Set<FindingSignal>>();
  for (const thread of threads) {
    const first = thread.comments[0];
    // A person's own thread that quotes a finding's marker does not speak for the finding.
    if (first === undefined || first.author === null || isPerson(first.author)) continue;
    const signals = signalsOf(thread);
    for (const fingerprint of readFingerprints(first.body)) {
      const known = byFingerprint.get(fingerprint) ?? new Set<FindingSignal>();
      for (const signal of signals) known.add(signal);
      byFingerprint.set(fingerprint, known);
    }
  }
  return byFingerprint;
};
