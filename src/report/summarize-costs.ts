/**
 * The `GET /reports/costs` body: totals, per repository (most spent first), per UTC day and per
 * provider.
 */
import type { LedgerRow } from '../domain/ledger-entry.js';
import { byProviderSpend } from '../ledger/aggregate-costs.js';
import { savedUsd } from './saved-usd.js';
import { sumUsd } from './sum-usd.js';
import type { CostSummary, DayCost, ProviderCost, RepoCost } from './types.js';

const groupBy = <K>(rows: readonly LedgerRow[], keyOf: (row: LedgerRow) => K) => {
  const groups = new Map<K, LedgerRow[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
};

const costOn = (rows: readonly LedgerRow[], tier: 'fast' | 'deep'): number =>
  sumUsd(rows.filter((row) => row.tier === tier).map((row) => row.costUsd));

export const summarizeCosts = (rows: readonly LedgerRow[]): CostSummary => {
  const byRepo: RepoCost[] = [...groupBy(rows, (row) => row.repo)]
    .map(([repo, members]) => ({
      repo,
      reviews: members.length,
      costUsd: sumUsd(members.map((row) => row.costUsd)),
      deepCostUsd: sumUsd(members.map((row) => row.deepCostUsd)),
      savedUsd: sumUsd(members.map(savedUsd)),
    }))
    .sort((a, b) => b.costUsd - a.costUsd || (a.repo < b.repo ? -1 : 1));
  const byDay: DayCost[] = [
    ...groupBy(rows, (row) => new Date(row.startedAt).toISOString().slice(0, 10)),
  ]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, members]) => ({
      day,
      costUsd: sumUsd(members.map((row) => row.costUsd)),
      deepCostUsd: sumUsd(members.map((row) => row.deepCostUsd)),
      savedUsd: sumUsd(members.map(savedUsd)),
      byTier: { fast: costOn(members, 'fast'), deep: costOn(members, 'deep') },
    }));
  const byProvider: ProviderCost[] = [...groupBy(rows, (row) => row.provider)]
    .map(([provider, members]) => ({
      provider,
      reviews: members.length,
      costUsd: sumUsd(members.map((row) => row.costUsd)),
      deepCostUsd: sumUsd(members.map((row) => row.deepCostUsd)),
      savedUsd: sumUsd(members.map(savedUsd)),
    }))
    .sort(byProviderSpend);
  return {
    totalCostUsd: sumUsd(rows.map((row) => row.costUsd)),
    totalDeepCostUsd: sumUsd(rows.map((row) => row.deepCostUsd)),
    savedUsd: sumUsd(rows.map(savedUsd)),
    reviews: rows.length,
    byRepo,
    byDay,
    byProvider,
  };
};
