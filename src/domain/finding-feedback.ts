/** What happened to each posted finding: the signals people gave, and its outcome at close. */
import type { Side } from './diff.js';
import type { Severity } from './model-answer.js';
import type { ProviderId } from './policy.js';
import type { Tier } from './review-job.js';

/** `open` until the pull request closes; then what the signals say. */
export type FindingOutcome = 'open' | 'acted-on' | 'dismissed' | 'no-signal';
export const FINDING_OUTCOMES: readonly FindingOutcome[] = [
  'open',
  'acted-on',
  'dismissed',
  'no-signal',
];

/**
 * What a person (never a bot, never the app) did about a finding. `resolved` and `unresolved`
 * come from thread events as they happen; `replied`, `+1` and `-1` are read once at close;
 * `suggestion-applied` and `lines-changed` come from the compare of a later push.
 */
export type FindingSignal =
  'resolved' | 'unresolved' | 'replied' | '+1' | '-1' | 'suggestion-applied' | 'lines-changed';
export const FINDING_SIGNALS: readonly FindingSignal[] = [
  'resolved',
  'unresolved',
  'replied',
  '+1',
  '-1',
  'suggestion-applied',
  'lines-changed',
];

/** Where a finding points now: its lines as of `sha`, followed through every reviewed push. */
export interface TrackedLines {
  readonly sha: string;
  readonly line: number;
  readonly startLine: number | null;
  /** The file's path at `sha`, when a push renamed it since the finding was posted. */
  readonly path?: string;
}

/** A posted finding, as the ledger keeps it from the moment its review is posted. */
export interface PostedFindingRecord {
  /** owner/name */
  readonly repo: string;
  readonly pr: number;
  readonly fingerprint: string;
  /** The delivery whose job posted it, and the review that carries it. */
  readonly deliveryId: string;
  readonly reviewId: number;
  readonly path: string;
  /** The lines it was posted on (`startLine` for a range), at the head SHA of its review. */
  readonly line: number;
  readonly startLine: number | null;
  readonly side: Side;
  readonly tier: Tier;
  readonly provider: ProviderId;
  readonly model: string;
  readonly category: string;
  readonly severity: Severity;
  /** The code the suggestion block proposes, or null. */
  readonly suggestion: string | null;
  /** Its share of what the review cost. */
  readonly costUsd: number;
  readonly postedAt: string;
  /** Its lines on the head SHA the review was posted on. */
  readonly tracked: TrackedLines;
}

/** A finding with its signals and outcome, as the reports read it. */
export interface FindingRecord extends PostedFindingRecord {
  readonly outcome: FindingOutcome;
  readonly signals: readonly FindingSignal[];
  /** When its outcome was last decided (the pull request closed); null while never closed. */
  readonly settledAt: string | null;
}
