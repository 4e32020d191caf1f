/** The whole ledger over one SQL executor: every concern, the same code for every database. */
import { createBudgetAlerts } from './create-budget-alerts.js';
import { createBudgetReservations } from './create-budget-reservations.js';
import { createCostRows } from './create-cost-rows.js';
import { createHistoryIndex } from './create-history-index.js';
import { createPendingBatches } from './create-pending-batches.js';
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
  ...createBudgetAlerts(db),
  ...createPendingBatches(db),
  ...createPullMemory(db),
  ...createHistoryIndex(db),
  ...createFindingFeedback(db),
  close: () => db.close(),
});
