/**
 * The report half of the cost rows' contract: totals per group and the summary added up in the
 * database, and rows streamed newest first in pages. Run by each store's own test. The totals
 * must equal what the report stage computes from the same rows in memory.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerRow } from '../domain/ledger-entry.js';
import { groupCosts } from '../report/group-costs.js';
import { summarizeCosts } from '../report/summarize-costs.js';
import { sampleEntry } from './sample-entry.js';
import type { LedgerGroupKey, LedgerStore } from './types.js';

const REPOS = ['acme/web', 'acme/api', 'other/lib'] as const;
const TIERS = ['fast', 'deep', 'skip'] as const;

/** Awkward amounts, months and outcomes on purpose: float sums of these drift. */
const entries = (count: number): LedgerEntry[] =>
  Array.from({ length: count }, (_, i) =>
    sampleEntry({
      deliveryId: `d-${i}`,
      repo: REPOS[i % 3]!,
      tier: TIERS[i % 3]!,
      provider: i % 3 === 2 ? null : i % 2 === 0 ? 'openai' : 'anthropic',
      outcome: i % 3 === 2 ? 'skipped' : i % 7 === 0 ? 'escalated' : 'posted',
      costUsd: i % 3 === 2 ? 0 : Number((0.000137 * (i + 1) + 0.1 * (i % 2)).toFixed(9)),
      deepCostUsd: Number((0.0731 + 0.0011 * i).toFixed(9)),
      // Two attempts share each start time, and the rows cross month and day boundaries.
      startedAt: new Date(
        Date.UTC(2026, 9, 31, 23, 0) + Math.floor(i / 2) * 3_600_000,
      ).toISOString(),
    }),
  );

const ALL_KEYS: readonly (readonly LedgerGroupKey[])[] = [
  [],
  ['repo'],
  ['month'],
  ['tier'],
  ['provider'],
  ['repo', 'month'],
  ['month', 'tier', 'provider'],
  ['provider', 'repo', 'tier', 'month'],
];

export const describeCostReportsContract = (
  name: string,
  open: () => Promise<LedgerStore>,
): void => {
  describe(`${name} (cost reports)`, () => {
    let store: LedgerStore;
    let rows: LedgerRow[];
    beforeEach(async () => {
      store = await open();
      await store.migrate();
      for (const entry of entries(60)) await store.record(entry);
      rows = await store.list();
    });
    afterEach(async () => {
      await store.close();
    });

    it.each(ALL_KEYS)(
      'adds up the groups by %j exactly as the report does in memory',
      async (...keys) => {
        expect(await store.aggregate({}, keys)).toEqual(groupCosts(rows, keys));
      },
    );

    it('takes a repository by its name in any case, as GitHub does', async () => {
      const exact = await store.list({ repo: 'acme/api' });
      expect(exact.length).toBeGreaterThan(0);
      expect(await store.list({ repo: 'ACME/Api' })).toEqual(exact);
      expect(await store.aggregate({ repo: 'Acme/API' }, ['repo'])).toEqual(
        groupCosts(exact, ['repo']),
      );
    });

    it('adds up only the rows a filter keeps', async () => {
      const filter = { repo: 'acme/api', since: '2026-11-01', until: '2026-11-02T05:00:00Z' };
      const kept = await store.list(filter);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(rows.length);
      expect(await store.aggregate(filter, ['month', 'tier'])).toEqual(
        groupCosts(kept, ['month', 'tier']),
      );
    });

    it('groups by the UTC month of startedAt and counts an escalated attempt as extra cost', async () => {
      const groups = await store.aggregate({}, ['month']);
      expect(groups.map((group) => group.month)).toEqual(['2026-10', '2026-11']);
      expect(groups[0]).toEqual({
        month: '2026-10',
        reviews: 2,
        costUsd: 0.100411,
        deepCostUsd: 0.1473,
        // The first attempt escalated: it saved nothing and its cost came on top of the deep
        // review, so 0.0742 - 0.100274 - 0.000137.
        savedUsd: -0.026211,
        avgCostUsd: 0.0502055,
      });
    });

    it('returns no groups for a filter that keeps no rows', async () => {
      expect(await store.aggregate({ repo: 'acme/none' }, ['repo'])).toEqual([]);
      expect(await store.aggregate({ repo: 'acme/none' }, [])).toEqual([]);
    });

    it('summarizes totals, repositories and UTC days exactly as the report does in memory', async () => {
      expect(await store.summarize()).toEqual(summarizeCosts(rows));
      const filter = { since: '2026-11-01T12:00:00Z', repo: 'acme/web' };
      expect(await store.summarize(filter)).toEqual(summarizeCosts(await store.list(filter)));
    });

    it('summarizes an empty ledger as zeros', async () => {
      expect(await store.summarize({ repo: 'acme/none' })).toEqual({
        totalCostUsd: 0,
        totalDeepCostUsd: 0,
        savedUsd: 0,
        reviews: 0,
        byRepo: [],
        byDay: [],
        byProvider: [],
      });
    });

    it('streams every row newest first, in pages smaller than the ledger', async () => {
      const streamed: LedgerRow[] = [];
      for await (const row of store.stream({}, { pageSize: 7 })) streamed.push(row);
      expect(streamed).toEqual(rows);
    });

    it('streams only the rows a filter keeps, and stops at the limit', async () => {
      const filter = { repo: 'acme/web', since: '2026-11-01' };
      const streamed: LedgerRow[] = [];
      for await (const row of store.stream(filter, { pageSize: 4 })) streamed.push(row);
      expect(streamed).toEqual(await store.list(filter));
      const limited: LedgerRow[] = [];
      for await (const row of store.stream({ ...filter, limit: 5 }, { pageSize: 2 })) {
        limited.push(row);
      }
      expect(limited).toEqual(await store.list({ ...filter, limit: 5 }));
    });

    it('streams a ledger that has no rows as nothing', async () => {
      const streamed: LedgerRow[] = [];
      for await (const row of store.stream({ repo: 'acme/none' })) streamed.push(row);
      expect(streamed).toEqual([]);
    });
  });
};
