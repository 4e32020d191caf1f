/** The whole ledger over one SQL executor: every concern, the same code for every database. */
import { createBudgetReservations } from './create-budget-reservations.js';
import { createCostRows } from './create-cost-rows.js';
import { createFindingFeedback } from './create-finding-feedback.js';
import { createPullMemory } from './create-pull-memory.js';
import { createReviewClaims } from './create-review-claims.js';
import type { SqlExecutor } from './sql/types.js';
import type { LedgerStore } from './types.js';

export interface CreateLedgerStoreOptions {
  readonly db: SqlExecutor;
  /** Creates or upgrades the schema (or, for a reader, checks that it is current). */
  readonly migrate: () => Promise<void>;
}

export const createLedgerStore = ({ db, migrate }: CreateLedgerStoreOptions): LedgerStore => ({
  migrate,
  ...createCostRows(db),
  ...createReviewClaims(db),
  ...createBudgetReservations(db),
  ...createPullMemory(db),
  ...createFindingFeedback(db),
  close: () => db.close(),
});
