/**
 * The ledger's ports, one per concern: cost rows, review claims, budget reservations and the
 * pull request memory. `LedgerStore` is all four over one database.
 */
import type { LedgerEntry, LedgerRow } from '../domain/ledger-entry.js';
import type { Tier } from '../domain/review-job.js';
import type { FindingFeedback } from '../feedback/types.js';
import type { LedgerGroup, LedgerGroupKey, LedgerSummary, StreamOptions } from './report-types.js';
import type { HistoryIndex } from './history-index.js';

import type { PendingBatches } from './pending-batch-types.js';
import type { PullKey, PullMemory } from './pull-memory-types.js';

export type * from './report-types.js';
export type * from './pending-batch-types.js';
export type * from './pull-memory-types.js';
export type {
  FindingFeedback,
  FindingFilter,
  FindingGroup,
  FindingGroupKey,
  FindingTotals,
} from '../feedback/types.js';

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

/** What `list` takes: a LedgerFilter, or one pull request's rows. */
export interface LedgerListFilter extends LedgerFilter {
  /** One pull request of `repo` (`/cost`, the running total in a review's summary). */
  readonly pr?: number;
  /** At most this many rows, the newest (a whole number, at least 1). */
  readonly limit?: number;
}

export interface ClaimOptions {
  /**
   * A running claim taken before this ISO time belongs to a process that crashed mid-review: this
   * delivery takes it over instead of waiting forever.
   */
  readonly staleBefore?: string;
}

export type ClaimResult =
  | {
      readonly claimed: true;
      /**
       * Taken over from an attempt that stopped (a crash) after opening its check run: the run to
       * finish instead of opening a second one, which would stay in progress on the pull request.
       */
      readonly checkId?: number;
    }
  | { readonly claimed: false; readonly state: 'running' | 'posted'; readonly deliveryId: string };

/**
 * `repo`: one repository's spend; `org`: the sum over every repository of the same owner;
 * `pull`: one pull request's spend over its whole life (every push and command), not a month's.
 */
export type BudgetScope = 'repo' | 'org' | 'pull';

export interface BudgetCap {
  readonly scope: BudgetScope;
  readonly capUsd: number;
}

export interface ReserveRequest {
  /** owner/name: the repository the review spends for. */
  readonly repo: string;
  /** The pull request the review spends for: what a `pull` cap counts. */
  readonly pr?: number;
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
  /** Required for the pull scope, which counts every row of the pull request, whatever the window. */
  readonly pr?: number;
  readonly from: string;
  readonly to: string;
  readonly at: string;
}

/** The cost rows: one per review attempt, and the report queries over them. */
export interface CostRows {
  record(entry: LedgerEntry): Promise<LedgerRow>;
  /** Newest first (by startedAt, then id). Every row that passes: prefer `stream` for reports. */
  list(filter?: LedgerListFilter): Promise<LedgerRow[]>;
  /** Newest first, read in pages by (startedAt, id): never more than a page in memory. */
  stream(filter?: LedgerListFilter, options?: StreamOptions): AsyncIterable<LedgerRow>;
  /** Sum of costUsd for the repository with startedAt in [from, to). */
  spend(repo: string, from: string, to: string): Promise<number>;
  /** One group per distinct key, totals added up in the database, sorted by the keys in order. */
  aggregate(filter: LedgerFilter, groupBy: readonly LedgerGroupKey[]): Promise<LedgerGroup[]>;
  /** Totals, per repository and per UTC day, added up in the database. */
  summarize(filter?: LedgerFilter): Promise<LedgerSummary>;
}

/** The claims that stop a second review of the same head SHA and tier. */
export interface ReviewClaims {
  /**
   * Atomically claims the right to review this head SHA on this tier. Fails when another attempt
   * is running or a review was already posted: that is what stops a second review.
   */
  claim(key: ReviewKey, deliveryId: string, options?: ClaimOptions): Promise<ClaimResult>;
  /** Marks the claim done: `posted` keeps it forever, `released` lets a later delivery try again. */
  settle(key: ReviewKey, state: 'posted' | 'released'): Promise<void>;
  /** Remembers the check run the claim's holder opened, for an attempt that takes the claim over. */
  attachCheck(key: ReviewKey, deliveryId: string, checkId: number): Promise<void>;
  /**
   * Frees the running claims a delivery holds on a pull request (its job was dead-lettered: no
   * attempt will finish them), so a later event may review those commits; returns the check runs
   * they had opened, still in progress.
   */
  releaseHeldBy(pull: PullKey, deliveryId: string): Promise<readonly number[]>;
}

/** The reservations that stop simultaneous reviews from passing a monthly cap together. */
export interface BudgetReservations {
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
}

/** One share of a monthly budget reached by a repository's spend: raised once per month. */
export interface BudgetAlert {
  /** owner/name */
  readonly repo: string;
  /** The UTC calendar month, `YYYY-MM`. */
  readonly month: string;
  /** The share of `monthly_usd` reached, as in `budget.alert_at` (0.75). */
  readonly share: number;
  readonly spentUsd: number;
  readonly capUsd: number;
  readonly at: string;
}

/** Budget alerts, stored so each is raised once per month and share, by any replica. */
export interface BudgetAlerts {
  /** True when this call raised the alert; false when it was raised before this month. */
  raiseAlert(alert: BudgetAlert): Promise<boolean>;
}

/** The whole ledger: every concern over one database. */
export interface LedgerStore
  extends
    CostRows,
    ReviewClaims,
    BudgetReservations,
    BudgetAlerts,
    PendingBatches,
    PullMemory,
    HistoryIndex,
    FindingFeedback {
  /** Creates or upgrades the schema; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}
