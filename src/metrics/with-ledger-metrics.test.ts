import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import type { LedgerStore } from '../ledger/types.js';
import { createMetrics } from './create-metrics.js';
import { withLedgerMetrics } from './with-ledger-metrics.js';

const reviewsCounted = async (metrics: ReturnType<typeof createMetrics>) =>
  (await metrics.reviews.get()).values.reduce((total, v) => total + v.value, 0);

describe('withLedgerMetrics', () => {
  it('counts an entry once the store has recorded it, and returns the stored row', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const ledger = withLedgerMetrics(openSqliteLedger({ file: ':memory:' }), metrics);
    await ledger.migrate();
    const row = await ledger.record(sampleEntry());
    expect(row.id).toBeGreaterThan(0);
    expect(await reviewsCounted(metrics)).toBe(1);
    expect(await ledger.list()).toHaveLength(1);
    await ledger.close();
  });

  it('counts nothing when the store refuses the entry', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const failing = {
      record: () => Promise.reject(new Error('disk full')),
    } as unknown as LedgerStore;
    await expect(withLedgerMetrics(failing, metrics).record(sampleEntry())).rejects.toThrow(
      'disk full',
    );
    expect(await reviewsCounted(metrics)).toBe(0);
  });
});

describe('withLedgerMetrics and budget alerts', () => {
  it('counts an alert by its share only when the store says this call raised it', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const ledger = withLedgerMetrics(openSqliteLedger({ file: ':memory:' }), metrics);
    await ledger.migrate();
    const alert = {
      repo: 'acme/api',
      month: '2026-11',
      share: 0.75,
      spentUsd: 7.5,
      capUsd: 10,
      at: '2026-11-21T10:00:00.000Z',
    };
    expect(await ledger.raiseAlert(alert)).toBe(true);
    expect(await ledger.raiseAlert(alert)).toBe(false);
    expect(await ledger.raiseAlert({ ...alert, share: 0.9 })).toBe(true);
    // A share finer than a hundredth counts under its hundredth: the label stays bounded.
    expect(await ledger.raiseAlert({ ...alert, share: 0.901234 })).toBe(true);
    const counted = (await metrics.budgetAlerts.get()).values.map((v) => [v.labels.share, v.value]);
    expect(counted).toEqual([
      ['0.75', 1],
      ['0.9', 2],
    ]);
    expect(await metrics.registry.metrics()).toContain(
      'review_router_budget_alerts_total{share="0.75"} 1',
    );
    await ledger.close();
  });
});
