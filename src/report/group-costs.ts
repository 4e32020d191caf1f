/**
 * `costs --group-by repo,month,tier,provider`: one total per group, sorted by the keys in the
 * order given. An attempt that called no model (a skip) has provider null, sorted first.
 */
import type { LedgerRow } from '../domain/ledger-entry.js';
import type { RouteTier } from '../domain/review-job.js';
import { savedUsd } from './saved-usd.js';
import { sumUsd } from './sum-usd.js';
import type { CostGroup, GroupKey } from './types.js';

const TIER_ORDER: Record<RouteTier, number> = { skip: 0, fast: 1, deep: 2 };

const keyValue = (row: LedgerRow, key: GroupKey): string | null => {
  switch (key) {
    case 'repo':
      return row.repo;
    case 'month':
      return utcMonth(row.startedAt);
    case 'tier':
      return row.tier;
    case 'provider':
      return row.provider;
  }
};

const utcMonth = (timestamp: string): string => new Date(timestamp).toISOString().slice(0, 7);

const compareKey = (key: GroupKey, a: string | null, b: string | null): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (key === 'tier') return TIER_ORDER[a as RouteTier] - TIER_ORDER[b as RouteTier];
  return a < b ? -1 : a > b ? 1 : 0;
};

export const groupCosts = (rows: readonly LedgerRow[], by: readonly GroupKey[]): CostGroup[] => {
  const keys = [...new Set(by)];
  const groups = new Map<string, { values: (string | null)[]; rows: LedgerRow[] }>();
  for (const row of rows) {
    const values = keys.map((key) => keyValue(row, key));
    const id = JSON.stringify(values);
    const group = groups.get(id) ?? { values, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()]
    .sort((a, b) => {
      for (const [index, key] of keys.entries()) {
        const order = compareKey(key, a.values[index] ?? null, b.values[index] ?? null);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map(({ values, rows: members }) => {
      const costUsd = sumUsd(members.map((row) => row.costUsd));
      return {
        ...Object.fromEntries(keys.map((key, index) => [key, values[index]])),
        reviews: members.length,
        costUsd,
        deepCostUsd: sumUsd(members.map((row) => row.deepCostUsd)),
        savedUsd: sumUsd(members.map(savedUsd)),
        avgCostUsd: Math.round((costUsd / members.length) * 1e9) / 1e9,
      };
    });
};
