/** The ledger port: one row per review attempt, plus the claim that stops a second review. */
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

export type ClaimResult =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly state: 'running' | 'posted'; readonly deliveryId: string };

export interface LedgerStore {
  /** Creates or upgrades the schema; safe to call on every start. */
  migrate(): Promise<void>;
  /**
   * Atomically claims the right to review this head SHA on this tier. Fails when another attempt
   * is running or a review was already posted: that is what stops a second review.
   */
  claim(key: ReviewKey, deliveryId: string): Promise<ClaimResult>;
  /** Marks the claim done: `posted` keeps it forever, `released` lets a later delivery try again. */
  settle(key: ReviewKey, state: 'posted' | 'released'): Promise<void>;
  record(entry: LedgerEntry): Promise<LedgerRow>;
  /** Newest first (by startedAt, then id). */
  list(filter?: LedgerFilter): Promise<LedgerRow[]>;
  /** Sum of costUsd for the repository with startedAt in [from, to). */
  spend(repo: string, from: string, to: string): Promise<number>;
  close(): Promise<void>;
}
