/**
 * The one contract every LedgerStore keeps, run by each store's own test. `open`
 * returns a store over empty storage; the suite migrates it and closes it after each test.
 */
import { describe, expect, it } from 'vitest';
import { useMigratedStore } from './test-migrated-store.js';
import { describeBudgetReservationsContract } from './budget-reservations.contract.js';
import { describePullBudgetAlertsBatchesContract } from './pull-budget-alerts-batches.contract.js';
import { describePullStateContract } from './pull-state.contract.js';
import { describeReviewClaimsContract } from './review-claims.contract.js';
import { sampleEntry, sampleKey } from './sample-entry.js';
import type { LedgerListFilter, LedgerStore } from './types.js';

export { sampleEntry } from './sample-entry.js';

const key = sampleKey;

export const describeLedgerStoreContract = (
  name: string,
  open: () => Promise<LedgerStore>,
): void => {
  describe(`${name} (LedgerStore contract)`, () => {
    let store: LedgerStore;
    useMigratedStore(open, (opened) => {
      store = opened;
    });

    it('records an entry and lists it back with every field intact', async () => {
      const full = sampleEntry({ error: 'anthropic 529: overloaded' });
      const bare = sampleEntry({
        deliveryId: 'd-2',
        tier: 'skip',
        provider: null,
        model: null,
        inputTokens: 0,
        cachedInputTokens: 0,
        cacheWriteTokens: 0,
        cacheWrite5mTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens: 0,
        reasoningTokens: 0,
        inferenceGeo: null,
        costUsd: 0,
        deepCostUsd: 0.000000001,
        priceVersion: null,
        outcome: 'skipped',
        riskScore: null,
        riskLevel: null,
        size: null,
        startedAt: '2026-11-20T10:00:00.000Z',
      });
      const recorded = await store.record(full);
      await store.record(bare);
      expect(recorded).toEqual({ ...full, id: expect.any(Number) as unknown });
      const rows = await store.list();
      expect(rows).toEqual([
        { ...full, id: recorded.id },
        { ...bare, id: expect.any(Number) as unknown },
      ]);
      expect(Object.keys(rows[0]!).sort()).toEqual([...Object.keys(full), 'id'].sort());
    });

    it('stores the service tier, the batch flag and the discount of each attempt', async () => {
      const flex = sampleEntry({ provider: 'openai', serviceTier: 'flex', discount: 'flex' });
      const batch = sampleEntry({
        deliveryId: 'd-batch',
        provider: 'bedrock',
        model: 'global.anthropic.claude-opus-4-6-v1',
        serviceTier: 'batch',
        batch: true,
        discount: 'batch',
        startedAt: '2026-11-20T10:00:00.000Z',
      });
      await store.record(flex);
      await store.record(batch);
      const rows = await store.list();
      expect(rows.map(({ id: _, ...entry }) => entry)).toEqual([flex, batch]);
    });

    it('returns timestamps as UTC ISO strings with milliseconds, whatever offset they came with', async () => {
      await store.record(
        sampleEntry({ startedAt: '2026-11-21T11:00:00+01:00', finishedAt: '2026-11-21T10:00:05Z' }),
      );
      const [row] = await store.list();
      expect(row?.startedAt).toBe('2026-11-21T10:00:00.000Z');
      expect(row?.finishedAt).toBe('2026-11-21T10:00:05.000Z');
    });

    it('lists newest first by startedAt, then by id for attempts that started together', async () => {
      await store.record(
        sampleEntry({ deliveryId: 'middle', startedAt: '2026-11-02T00:00:00.000Z' }),
      );
      await store.record(
        sampleEntry({ deliveryId: 'newest', startedAt: '2026-11-03T00:00:00.000Z' }),
      );
      await store.record(
        sampleEntry({ deliveryId: 'oldest', startedAt: '2026-11-01T00:00:00.000Z' }),
      );
      await store.record(
        sampleEntry({ deliveryId: 'middle-2', startedAt: '2026-11-02T00:00:00.000Z' }),
      );
      const rows = await store.list();
      expect(rows.map((row) => row.deliveryId)).toEqual(['newest', 'middle-2', 'middle', 'oldest']);
    });

    it.each([
      [{ repo: 'acme/web' }, ['web-nov']],
      [{ since: '2026-11-01' }, ['api-dec', 'web-nov', 'api-nov-first']],
      [{ until: '2026-11-01T00:00:00Z' }, ['api-oct-last']],
      [{ since: '2026-11-01', until: '2026-12-01' }, ['web-nov', 'api-nov-first']],
      [
        { repo: 'acme/api', since: '2026-11-01T00:00:00.000Z', until: '2026-12-01' },
        ['api-nov-first'],
      ],
      [{}, ['api-dec', 'web-nov', 'api-nov-first', 'api-oct-last']],
    ])('filters by %j (since inclusive, until exclusive)', async (filter, expected) => {
      await store.record(
        sampleEntry({ deliveryId: 'api-oct-last', startedAt: '2026-10-31T23:59:59.999Z' }),
      );
      await store.record(
        sampleEntry({ deliveryId: 'api-nov-first', startedAt: '2026-11-01T00:00:00.000Z' }),
      );
      await store.record(
        sampleEntry({
          deliveryId: 'web-nov',
          repo: 'acme/web',
          startedAt: '2026-11-15T12:00:00.000Z',
        }),
      );
      await store.record(
        sampleEntry({ deliveryId: 'api-dec', startedAt: '2026-12-01T00:00:00.000Z' }),
      );
      const rows = await store.list(filter);
      expect(rows.map((row) => row.deliveryId)).toEqual(expected);
    });

    it('keeps only the newest rows that pass the filter when given a limit', async () => {
      for (const [deliveryId, repo, startedAt] of [
        ['api-1', 'acme/api', '2026-11-01T00:00:00.000Z'],
        ['web-2', 'acme/web', '2026-11-02T00:00:00.000Z'],
        ['api-3', 'acme/api', '2026-11-03T00:00:00.000Z'],
        ['api-4', 'acme/api', '2026-11-04T00:00:00.000Z'],
        ['api-5', 'acme/api', '2026-11-05T00:00:00.000Z'],
      ] as const) {
        await store.record(sampleEntry({ deliveryId, repo, startedAt }));
      }
      const ids = async (filter: LedgerListFilter) =>
        (await store.list(filter)).map((row) => row.deliveryId);
      expect(await ids({ limit: 2 })).toEqual(['api-5', 'api-4']);
      expect(await ids({ limit: 10 })).toEqual(['api-5', 'api-4', 'api-3', 'web-2', 'api-1']);
      expect(await ids({ repo: 'acme/api', until: '2026-11-05', limit: 2 })).toEqual([
        'api-4',
        'api-3',
      ]);
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %d', async (limit) => {
      await expect(store.list({ limit })).rejects.toThrow(/limit must be a whole number/);
    });

    it('rejects a filter date it cannot read instead of ignoring it', async () => {
      await expect(store.list({ since: 'last tuesday' })).rejects.toThrow(/since is not a date/);
    });

    it("sums a repository's spend over a month window exactly to the nano-dollar", async () => {
      const at = (startedAt: string, costUsd: number, repo = 'acme/api') =>
        store.record(sampleEntry({ startedAt, costUsd, repo }));
      await at('2026-10-31T23:59:59.999Z', 5);
      await at('2026-11-01T00:00:00.000Z', 0.1);
      await at('2026-11-15T08:00:00.000Z', 0.2);
      await at('2026-11-30T23:59:59.999Z', 0.000000007);
      await at('2026-11-20T00:00:00.000Z', 7, 'acme/web');
      await at('2026-12-01T00:00:00.000Z', 11);
      const from = '2026-11-01T00:00:00.000Z';
      const to = '2026-12-01T00:00:00.000Z';
      expect(await store.spend('acme/api', from, to)).toBe(0.300000007);
      expect(await store.spend('acme/web', from, to)).toBe(7);
      expect(await store.spend('acme/none', from, to)).toBe(0);
    });

    it('migrates a second time without touching the rows or claims', async () => {
      const recorded = await store.record(sampleEntry());
      await store.claim(key(), 'first');
      await store.migrate();
      expect(await store.list()).toEqual([recorded]);
      expect(await store.claim(key(), 'second')).toMatchObject({
        claimed: false,
        deliveryId: 'first',
      });
    });
  });
  describeReviewClaimsContract(name, open);
  describeBudgetReservationsContract(name, open);
  describePullStateContract(name, open);
  describePullBudgetAlertsBatchesContract(name, open);
};
