/**
 * Budget alerts: when a repository's spend this month, with what the job just spent, reaches a
 * share of `budget.monthly_usd` named in `budget.alert_at`, the alert is raised once per month and
 * share, whichever replica gets there first (the ledger stores it): a log line, a metric (counted by
 * the ledger's metrics decorator) and a line in the job's check run.
 */
import { formatUsd } from '../domain/format-usd.js';
import type { Log } from '../domain/log.js';
import type { Policy } from '../domain/policy.js';
import type { BudgetAlerts, BudgetReservations } from '../ledger/types.js';
import { spendMonth } from './reserve-budget.js';
import { withCheckLines, type JobOutcome } from './job-outcome.js';

export interface AlertDeps {
  readonly ledger: Pick<BudgetReservations, 'committed'> & BudgetAlerts;
  readonly now: () => Date;
}

export interface AlertTarget {
  /** owner/name */
  readonly repo: string;
  readonly policy: Pick<Policy, 'budget'>;
  readonly log: Log;
  /** When the job started: its rows, and so its alerts, belong to that calendar month. */
  readonly startedAt?: string;
}

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** The shares of the cap that `spentUsd` has reached, smallest first. */
export const sharesReached = (
  shares: readonly number[],
  capUsd: number,
  spentUsd: number,
): number[] =>
  [...shares].sort((a, b) => a - b).filter((share) => spentUsd + 1e-9 >= share * capUsd);

/**
 * The outcome with a line for each alert this job raised added to its check run; the outcome as
 * it was when no alert is due or the alerts cannot be read (an alert never stops a review).
 */
export const raiseBudgetAlerts = async (
  outcome: JobOutcome,
  target: AlertTarget,
  deps: AlertDeps,
): Promise<JobOutcome> => {
  const { monthly_usd: capUsd, alert_at: shares } = target.policy.budget;
  if (capUsd === null || capUsd <= 0 || shares.length === 0) return outcome;
  try {
    const now = deps.now();
    const { startedAt } = target;
    const window = spendMonth({
      now: deps.now,
      ...(startedAt === undefined ? {} : { jobStartedAt: startedAt }),
    });
    const { spentUsd: recorded } = await deps.ledger.committed({
      scope: 'repo',
      repo: target.repo,
      ...window,
      at: now.toISOString(),
    });
    const spentUsd = outcome.attempts.reduce((sum, row) => sum + (row.costUsd ?? 0), recorded);
    const month = window.from.slice(0, 7);
    const lines: string[] = [];
    for (const share of sharesReached(shares, capUsd, spentUsd)) {
      const alert = { repo: target.repo, month, share, spentUsd, capUsd, at: now.toISOString() };
      if (!(await deps.ledger.raiseAlert(alert))) continue;
      target.log.warn(
        { month, share, spentUsd, capUsd },
        'budget alert: monthly spend reached a share of the budget',
      );
      lines.push(
        `**Budget alert:** this repository has spent ${formatUsd(spentUsd)} in ${month}, ` +
          `${percent(share)} or more of its monthly budget of ${formatUsd(capUsd)} (budget.alert_at).`,
      );
    }
    return withCheckLines(outcome, lines);
  } catch (error) {
    target.log.error({ err: error }, 'cannot check the budget alerts; the review goes on');
    return outcome;
  }
};
