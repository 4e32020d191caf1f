/**
 * The feedback port: what the ledger keeps about each posted finding (table `finding_feedback`)
 * and the signals people gave it (table `finding_signals`), and the reports over them.
 */
import type {
  FindingOutcome,
  FindingRecord,
  FindingSignal,
  PostedFindingRecord,
  TrackedLines,
} from '../domain/finding-feedback.js';
import type { Tier } from '../domain/review-job.js';

/** One pull request: `owner/name` and its number. */
export interface FeedbackPullKey {
  readonly repo: string;
  readonly pr: number;
}

/** A finding's lines after a push, and what the push did to them. */
export interface FollowedFinding {
  readonly fingerprint: string;
  readonly tracked: TrackedLines;
  /** `lines-changed`, and `suggestion-applied` when the new lines are its suggestion. */
  readonly signals: readonly FindingSignal[];
}

export interface FollowPush extends FeedbackPullKey {
  /** The compare's base: only findings tracked at this SHA move. */
  readonly base: string;
  readonly at: string;
  readonly findings: readonly FollowedFinding[];
}

/** A signal from a webhook event (a thread resolved or unresolved), for these fingerprints. */
export interface NoteSignal extends FeedbackPullKey {
  readonly fingerprints: readonly string[];
  readonly signal: FindingSignal;
  readonly at: string;
}

/** The outcome of one finding at close, and the signals read then. */
export interface Settlement {
  readonly fingerprint: string;
  readonly outcome: Exclude<FindingOutcome, 'open'>;
  /** What the one read at close saw (`resolved`, `replied`, `+1`, `-1`): replaces the last read. */
  readonly closeSignals: readonly FindingSignal[];
}

export interface SettlePullRequest extends FeedbackPullKey {
  readonly at: string;
  readonly settlements: readonly Settlement[];
}

/** A finding whose settled outcome changed (counted once per change by the metrics). */
export interface OutcomeChange {
  readonly tier: Tier;
  readonly outcome: Exclude<FindingOutcome, 'open'>;
}

export interface FindingFilter {
  readonly repo?: string;
  /** Inclusive ISO date or timestamp, compared with postedAt. */
  readonly since?: string;
  /** Exclusive ISO date or timestamp, compared with postedAt. */
  readonly until?: string;
}

export type FindingGroupKey = 'tier' | 'provider' | 'model' | 'category' | 'severity' | 'repo';
export const FINDING_GROUP_KEYS: readonly FindingGroupKey[] = [
  'tier',
  'provider',
  'model',
  'category',
  'severity',
  'repo',
];

/** One group of findings, added up in the database. */
export interface FindingTotals {
  readonly findings: number;
  readonly actedOn: number;
  readonly dismissed: number;
  readonly noSignal: number;
  readonly open: number;
  /** Every finding's share of its review's cost. */
  readonly costUsd: number;
  /** The cost of the findings that have an outcome (not `open`). */
  readonly settledCostUsd: number;
}

export interface FindingGroup extends FindingTotals {
  readonly key: Readonly<Partial<Record<FindingGroupKey, string>>>;
}

/** The ledger's record of posted findings and what became of them. */
export interface FindingFeedback {
  /** Remembers newly posted findings; a fingerprint already kept for the pull request keeps its row. */
  recordFindings(findings: readonly PostedFindingRecord[]): Promise<void>;
  /** The pull request's findings (with their tracked lines), oldest first. */
  listPullFindings(key: FeedbackPullKey): Promise<FindingRecord[]>;
  /** Moves findings tracked at `base` to their lines after the push and adds its signals. */
  followPush(push: FollowPush): Promise<void>;
  /** Adds an event's signal to those of the pull request's findings it names; repeats add nothing. */
  noteSignal(note: NoteSignal): Promise<void>;
  /** Sets each finding's outcome at close; returns the findings whose settled outcome changed. */
  settleFindings(settle: SettlePullRequest): Promise<OutcomeChange[]>;
  /** The pull request was reopened: its findings are `open` again until it closes. */
  reopenFindings(key: FeedbackPullKey): Promise<void>;
  /** Every finding that passes, newest first. */
  listFindings(filter: FindingFilter): Promise<FindingRecord[]>;
  /** One group per distinct key, added up in the database, sorted by the keys in order. */
  groupFindings(
    filter: FindingFilter,
    groupBy: readonly FindingGroupKey[],
  ): Promise<FindingGroup[]>;
}
