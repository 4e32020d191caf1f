/** The attempts that cost the most, for the report page's table: by cost, then newest first. */
import type { LedgerRow } from '../domain/ledger-entry.js';

export const mostExpensiveReviews = (rows: readonly LedgerRow[], limit: number): LedgerRow[] =>
  [...rows]
    .sort(
      (a, b) =>
        b.costUsd - a.costUsd ||
        (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : b.id - a.id),
    )
    .slice(0, Math.max(0, limit));
