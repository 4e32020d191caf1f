/** The report queries: totals per group and the `/reports/costs` summary, added up in the database. */
import type { ProviderId } from '../domain/policy.js';
import type { RouteTier } from '../domain/review-job.js';
import { fromNanos } from './money.js';
import { addTotals, NO_TOTALS, sumGroups, type NanoTotals } from './sum-groups.js';
import type { SqlDialect, SqlExecutor } from './sql/types.js';
import type {
  LedgerDayTotals,
  LedgerFilter,
  LedgerGroup,
  LedgerGroupKey,
  LedgerProviderTotals,
  LedgerRepoTotals,
  LedgerSummary,
  LedgerTotals,
} from './types.js';

const TIER_ORDER: Record<string, number> = { skip: 0, fast: 1, deep: 2 };

const expressionOf = (dialect: SqlDialect, key: LedgerGroupKey): string =>
  key === 'month' ? dialect.utcMonth('started_at') : key;

/** Null first; tiers in routing order; everything else as JavaScript orders strings. */
const compareKey = (key: LedgerGroupKey, a: string | null, b: string | null): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (key === 'tier') return (TIER_ORDER[a] ?? 3) - (TIER_ORDER[b] ?? 3);
  return a < b ? -1 : a > b ? 1 : 0;
};

/** `sum / count` to the nearest whole nano-dollar (halves up), exact however large the sum. */
const roundedMean = (sum: bigint, count: number): bigint => {
  const divisor = BigInt(count);
  return sum / divisor + (2n * (sum % divisor) >= divisor ? 1n : 0n);
};

const toTotals = (totals: NanoTotals): LedgerTotals => ({
  reviews: totals.reviews,
  costUsd: fromNanos(totals.costNanos),
  deepCostUsd: fromNanos(totals.deepCostNanos),
  savedUsd: fromNanos(totals.savedNanos),
});

export const aggregateCosts = async (
  db: SqlExecutor,
  filter: LedgerFilter,
  groupBy: readonly LedgerGroupKey[],
): Promise<LedgerGroup[]> => {
  const keys = [...new Set(groupBy)];
  const groups = await sumGroups(
    db,
    filter,
    keys.map((key) => expressionOf(db.dialect, key)),
  );
  return groups
    .sort((a, b) => {
      for (const [index, key] of keys.entries()) {
        const order = compareKey(key, a.keys[index] ?? null, b.keys[index] ?? null);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map(({ keys: values, totals }) => ({
      ...Object.fromEntries(keys.map((key, index) => [key, values[index] ?? null])),
      ...toTotals(totals),
      avgCostUsd: fromNanos(roundedMean(totals.costNanos, totals.reviews)),
    }));
};

export const summarizeCosts = async (
  db: SqlExecutor,
  filter: LedgerFilter,
): Promise<LedgerSummary> => {
  // One read for both: per repository and provider, then added up each way.
  const pairs = await sumGroups(db, filter, ['repo', 'provider']);
  const days = await sumGroups(db, filter, [db.dialect.utcDay('started_at'), 'tier']);
  const total = pairs.reduce((sum, group) => addTotals(sum, group.totals), NO_TOTALS);
  const addUp = (index: number): Map<string | null, NanoTotals> => {
    const sums = new Map<string | null, NanoTotals>();
    for (const { keys, totals } of pairs) {
      const key = keys[index] ?? null;
      sums.set(key, addTotals(sums.get(key) ?? NO_TOTALS, totals));
    }
    return sums;
  };
  const byRepo: LedgerRepoTotals[] = [...addUp(0)]
    .map(([repo, totals]) => ({ repo: repo ?? '', ...toTotals(totals) }))
    .sort((a, b) => b.costUsd - a.costUsd || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0));
  const byProvider: LedgerProviderTotals[] = [...addUp(1)]
    .map(([provider, totals]) => ({ provider: provider as ProviderId | null, ...toTotals(totals) }))
    .sort(byProviderSpend);
  const perDay = new Map<string, Map<string, NanoTotals>>();
  for (const { keys, totals } of days) {
    const day = keys[0] ?? '';
    const tiers = perDay.get(day) ?? new Map<string, NanoTotals>();
    tiers.set(keys[1] ?? '', totals);
    perDay.set(day, tiers);
  }
  const costOn = (tiers: Map<string, NanoTotals>, tier: RouteTier): number =>
    fromNanos(tiers.get(tier)?.costNanos ?? 0n);
  const byDay: LedgerDayTotals[] = [...perDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, tiers]) => {
      const all = [...tiers.values()].reduce(addTotals, NO_TOTALS);
      return {
        day,
        costUsd: fromNanos(all.costNanos),
        deepCostUsd: fromNanos(all.deepCostNanos),
        savedUsd: fromNanos(all.savedNanos),
        byTier: { fast: costOn(tiers, 'fast'), deep: costOn(tiers, 'deep') },
      };
    });
  const totals = toTotals(total);
  return {
    totalCostUsd: totals.costUsd,
    totalDeepCostUsd: totals.deepCostUsd,
    savedUsd: totals.savedUsd,
    reviews: totals.reviews,
    byRepo,
    byDay,
    byProvider,
  };
};

/** Most spent first, then by name; attempts that called no model (null) last. */
export const byProviderSpend = (
  a: { readonly provider: string | null; readonly costUsd: number },
  b: { readonly provider: string | null; readonly costUsd: number },
): number => {
  if (a.provider === null || b.provider === null) {
    return a.provider === b.provider ? 0 : a.provider === null ? 1 : -1;
  }
  return b.costUsd - a.costUsd || (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0);
};
