/**
 * Budget alerts over SQL, for every database: one row per repository, month and share, inserted
 * once, so whichever replica inserts it is the one that raises the alert.
 */
import { toIsoTimestamp } from './ledger-columns.js';
import { toNanos } from './money.js';
import type { SqlExecutor } from './sql/types.js';
import type { BudgetAlerts } from './types.js';

export const createBudgetAlerts = (db: SqlExecutor): BudgetAlerts => ({
  async raiseAlert(alert) {
    if (!/^\d{4}-\d{2}$/.test(alert.month))
      throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(alert.month)}`);
    const inserted = await db.run(
      `INSERT INTO budget_alerts (repo, month, share, spent_nanos, cap_nanos, raised_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (repo, month, share) DO NOTHING`,
      [
        alert.repo,
        alert.month,
        String(alert.share),
        toNanos(alert.spentUsd, 'spentUsd'),
        toNanos(alert.capUsd, 'capUsd'),
        toIsoTimestamp(alert.at, 'at'),
      ],
    );
    return inserted === 1;
  },
});
