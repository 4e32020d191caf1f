/**
 * A finding's outcome when its pull request closes. `acted-on`: its suggestion was applied, its
 * lines changed after it was posted, or it got a +1 and its thread was resolved. `dismissed`: a
 * -1, or its thread resolved with its lines unchanged. Otherwise `no-signal`. Acting on a finding
 * outweighs a -1: changed code is the stronger evidence.
 */
import type { FindingOutcome, FindingSignal } from '../domain/finding-feedback.js';

export interface OutcomeEvidence {
  /** Signals kept from pushes and events (`lines-changed`, `suggestion-applied`, …). */
  readonly history: ReadonlySet<FindingSignal>;
  /** What the read at close saw: `resolved` is the thread's state then, whatever events said. */
  readonly atClose: ReadonlySet<FindingSignal>;
}

export const decideOutcome = ({
  history,
  atClose,
}: OutcomeEvidence): Exclude<FindingOutcome, 'open'> => {
  const resolved = atClose.has('resolved');
  const linesChanged = history.has('lines-changed') || history.has('suggestion-applied');
  if (history.has('suggestion-applied') || linesChanged) return 'acted-on';
  if (atClose.has('+1') && resolved) return 'acted-on';
  if (atClose.has('-1') || resolved) return 'dismissed';
  return 'no-signal';
};
