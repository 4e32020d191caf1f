/**
 * The ledger port: one row per review attempt, the claim that stops a second review, and the
 * budget reservations that stop two simultaneous reviews from both passing a monthly cap.
 */
import type { LedgerEntry, LedgerRow } from '../domain/ledger-entry.js';
import type { Tier } from '../domain/review-job.js';

export interface ReviewKey {
  /** owner/name */
  readonly repo: string;
  readonly pr: number;
  readonly headSha: string;
  readonly tier: Tier;
}

export interface LedgerFilter {
  readonly repo?: string;
  /** Inclusive ISO date or timestamp, compared with startedAt. */
  readonly since?: string;
  /** Exclusive ISO date or timestamp, compared with startedAt. */
  readonly until?: string;
}

export interface ClaimOptions {
  /**
   * A running claim taken before this ISO time belongs to a process that crashed mid-review: this
   * delivery takes it over instead of waiting forever.
   */
  readonly staleBefore?: string;
}

export type ClaimResult =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly state: 'running' | 'posted'; readonly deliveryId: string };

/** `repo`: one repository's spend; `org`: the sum over every repository of the same owner. */
export type BudgetScope = 'repo' | 'org';

export interface BudgetCap {
  readonly scope: BudgetScope;
  readonly capUsd: number;
}

export interface ReserveRequest {
  /** owner/name: the repository the review spends for. */
  readonly repo: string;
  readonly amountUsd: number;
  /** Every cap the reservation must fit under; none means it always fits. */
  readonly caps: readonly BudgetCap[];
  /** Recorded spend counts when its startedAt is in [from, to): the month's window. */
  readonly from: string;
  readonly to: string;
  /** Now, by the caller's clock: reservations that expired by then no longer count. */
  readonly at: string;
  /** When this reservation stops counting if nobody releases it (a crashed worker). */
  readonly expiresAt: string;
  /** A reservation of the same review that this one takes over, atomically (an escalation). */
  readonly replaces?: string;
}

/** Recorded spend in the window plus what live reservations hold, for one scope. */
export interface Committed {
  readonly spentUsd: number;
  readonly reservedUsd: number;
}

export type ReserveResult =
  | { readonly reserved: true; readonly id: string }
  | ({
      readonly reserved: false;
      /** The first cap in the request's order that the amount would pass. */
      readonly scope: BudgetScope;
      readonly capUsd: number;
    } & Committed);

export interface CommittedQuery {
  readonly scope: BudgetScope;
  /** owner/name; for the org scope, its owner is what counts. */
  readonly repo: string;
  readonly from: string;
  readonly to: string;
  readonly at: string;
}

export interface LedgerStore {
  /** Creates or upgrades the schema; safe to call on every start. */
  migrate(): Promise<void>;
  /**
   * Atomically claims the right to review this head SHA on this tier. Fails when another attempt
   * is running or a review was already posted: that is what stops a second review.
   */
  claim(key: ReviewKey, deliveryId: string, options?: ClaimOptions): Promise<ClaimResult>;
  /** Marks the claim done: `posted` keeps it forever, `released` lets a later delivery try again. */
  settle(key: ReviewKey, state: 'posted' | 'released'): Promise<void>;
  record(entry: LedgerEntry): Promise<LedgerRow>;
  /** Newest first (by startedAt, then id). */
  list(filter?: LedgerFilter): Promise<LedgerRow[]>;
  /** Sum of costUsd for the repository with startedAt in [from, to). */
  spend(repo: string, from: string, to: string): Promise<number>;
  /**
   * Atomically checks every cap against recorded spend plus live reservations and, when the
   * amount fits under all of them, holds it until `release` (or `expiresAt`). Two reviews racing
   * for the last dollars cannot both get them.
   */
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** Frees a reservation; call it once the attempt's real cost is recorded. Unknown ids are ignored. */
  release(id: string): Promise<void>;
  /** What counts against a cap right now: recorded spend in the window and live reservations. */
  committed(query: CommittedQuery): Promise<Committed>;
  close(): Promise<void>;
}
