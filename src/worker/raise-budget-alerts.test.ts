import { describe, expect, it } from 'vitest';
import { silentLog } from '../domain/log.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { endedWith } from './job-outcome.js';
import { raiseBudgetAlerts, sharesReached } from './raise-budget-alerts.js';

describe('sharesReached', () => {
  it.each([
    ['nothing spent', [0.5, 0.75], 10, 0, []],
    ['just under a share', [0.5, 0.75], 10, 4.99, []],
    ['exactly at a share', [0.5, 0.75], 10, 5, [0.5]],
    ['float sums that land on a share', [0.3], 1, 0.1 + 0.2, [0.3]],
    [
      'several shares at once, smallest first, whatever their order',
      [0.9, 0.5, 0.75],
      10,
      9.5,
      [0.5, 0.75, 0.9],
    ],
    ['past the whole budget', [0.5, 1], 10, 12, [0.5, 1]],
  ])('%s', (_name, shares, capUsd, spentUsd, expected) => {
    expect(sharesReached(shares, capUsd, spentUsd)).toEqual(expected);
  });
});

describe('raiseBudgetAlerts', () => {
  it('raises the alert of the month the job started in, though it ends in the next', async () => {
    const store = openSqliteLedger({ file: ':memory:' });
    await store.migrate();
    const policy = {
      ...DEFAULT_POLICY,
      budget: { ...DEFAULT_POLICY.budget, monthly_usd: 10, alert_at: [0.5] },
    };
    const outcome = endedWith({
      attempts: [{ tier: 'deep', outcome: 'posted', reason: 'risk high', costUsd: 6 }],
      check: { id: 1, conclusion: 'success', output: { title: 'Reviewed', summary: 'Done.' } },
    });

    const alerted = await raiseBudgetAlerts(
      outcome,
      { repo: 'acme/api', policy, log: silentLog, startedAt: '2026-11-30T23:59:50.000Z' },
      { ledger: store, now: () => new Date('2026-12-01T00:00:40.000Z') },
    );

    expect(alerted.check?.output.summary).toContain(
      '**Budget alert:** this repository has spent $6.00 in 2026-11',
    );
    await store.close();
  });
});
