/**
 * The budget half of the LedgerStore contract: reservations that stop simultaneous reviews from
 * passing a monthly cap together. Run by `describeLedgerStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import { useMigratedStore } from './test-migrated-store.js';
import { sampleEntry } from './sample-entry.js';
import type { BudgetCap, LedgerStore, ReserveRequest } from './types.js';

const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';
const AT = '2026-11-21T10:00:00.000Z';
const LATER = '2026-11-21T11:00:00.000Z';

const request = (overrides: Partial<ReserveRequest> = {}): ReserveRequest => ({
  repo: 'acme/api',
  amountUsd: 1,
  caps: [{ scope: 'repo', capUsd: 10 }],
  from: FROM,
  to: TO,
  at: AT,
  expiresAt: LATER,
  ...overrides,
});

const repoCap = (capUsd: number): BudgetCap => ({ scope: 'repo', capUsd });
const orgCap = (capUsd: number): BudgetCap => ({ scope: 'org', capUsd });

export const describeBudgetReservationsContract = (
  name: string,
  open: () => Promise<LedgerStore>,
): void => {
  describe(`${name} (budget reservations)`, () => {
    let store: LedgerStore;
    useMigratedStore(open, (opened) => {
      store = opened;
    });

    const spent = (costUsd: number, repo = 'acme/api', startedAt = '2026-11-10T00:00:00.000Z') =>
      store.record(sampleEntry({ costUsd, repo, startedAt }));
    const committed = (scope: 'repo' | 'org', repo = 'acme/api', at = AT) =>
      store.committed({ scope, repo, from: FROM, to: TO, at });

    it('reserves an amount that fits and counts it as committed until it is released', async () => {
      await spent(4);
      const result = await store.reserve(request({ amountUsd: 5 }));
      expect(result).toEqual({ reserved: true, id: expect.any(String) as unknown });
      expect(await committed('repo')).toEqual({ spentUsd: 4, reservedUsd: 5 });
      if (!result.reserved) return;
      await store.release(result.id);
      expect(await committed('repo')).toEqual({ spentUsd: 4, reservedUsd: 0 });
    });

    it('refuses an amount that would pass the cap, with the recorded and reserved figures', async () => {
      await spent(6);
      await store.reserve(request({ amountUsd: 3 }));
      expect(await store.reserve(request({ amountUsd: 1.5 }))).toEqual({
        reserved: false,
        scope: 'repo',
        capUsd: 10,
        spentUsd: 6,
        reservedUsd: 3,
      });
      expect(await committed('repo')).toEqual({ spentUsd: 6, reservedUsd: 3 });
    });

    it('lets an amount reach the cap exactly, without float noise', async () => {
      await spent(0.1);
      await spent(0.2);
      expect(await store.reserve(request({ amountUsd: 0.7, caps: [repoCap(1)] }))).toMatchObject({
        reserved: true,
      });
      expect(
        await store.reserve(request({ amountUsd: 0.000001, caps: [repoCap(1)] })),
      ).toMatchObject({ reserved: false, spentUsd: 0.3, reservedUsd: 0.7 });
    });

    it('counts only spend recorded inside the window', async () => {
      await spent(9, 'acme/api', '2026-10-31T23:59:59.999Z');
      await spent(9, 'acme/api', TO);
      await spent(2, 'acme/api', FROM);
      expect(await store.reserve(request({ amountUsd: 8 }))).toMatchObject({ reserved: true });
    });

    it('always reserves when the request has no caps', async () => {
      expect(await store.reserve(request({ amountUsd: 1_000, caps: [] }))).toMatchObject({
        reserved: true,
      });
    });

    it('lets exactly three of ten concurrent reservations fit a cap that holds three', async () => {
      await spent(1);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.reserve(request({ amountUsd: 3 }))),
      );
      expect(results.filter((result) => result.reserved)).toHaveLength(3);
      expect(await committed('repo')).toEqual({ spentUsd: 1, reservedUsd: 9 });
    });

    it('stops counting a reservation once it expires, so a crashed review does not hold budget', async () => {
      await store.reserve(request({ amountUsd: 8, expiresAt: LATER }));
      expect(await store.reserve(request({ amountUsd: 8 }))).toMatchObject({ reserved: false });
      expect(await committed('repo', 'acme/api', LATER)).toEqual({ spentUsd: 0, reservedUsd: 0 });
      expect(await store.reserve(request({ amountUsd: 8, at: LATER }))).toMatchObject({
        reserved: true,
      });
    });

    it('sums the org scope over every repository of the owner, and no other owner', async () => {
      await spent(2, 'acme/api');
      await spent(3, 'acme/web');
      await spent(50, 'acme-corp/api');
      await spent(50, 'acmeinc/api');
      await store.reserve(request({ repo: 'acme/web', amountUsd: 1, caps: [] }));
      await store.reserve(request({ repo: 'acme-corp/api', amountUsd: 40, caps: [] }));
      expect(await committed('org', 'acme/api')).toEqual({ spentUsd: 5, reservedUsd: 1 });
      expect(await committed('repo', 'acme/api')).toEqual({ spentUsd: 2, reservedUsd: 0 });
      expect(await committed('org', 'acme-corp/api')).toEqual({ spentUsd: 50, reservedUsd: 40 });
    });

    it('checks every cap and names the first one the amount would pass', async () => {
      await spent(2, 'acme/api');
      await spent(7, 'acme/web');
      const caps = [repoCap(5), orgCap(10)];
      expect(await store.reserve(request({ amountUsd: 1, caps }))).toMatchObject({
        reserved: true,
      });
      expect(await store.reserve(request({ amountUsd: 1, caps }))).toEqual({
        reserved: false,
        scope: 'org',
        capUsd: 10,
        spentUsd: 9,
        reservedUsd: 1,
      });
      expect(await store.reserve(request({ amountUsd: 4, caps }))).toMatchObject({
        reserved: false,
        scope: 'repo',
      });
    });

    it('lets the org cap stop a review in another repository of the owner', async () => {
      await store.reserve(request({ repo: 'acme/web', amountUsd: 9, caps: [orgCap(10)] }));
      const sameOwner = await store.reserve(
        request({ repo: 'acme/api', amountUsd: 2, caps: [orgCap(10)] }),
      );
      expect(sameOwner).toMatchObject({ reserved: false, scope: 'org', reservedUsd: 9 });
      const otherOwner = await store.reserve(
        request({ repo: 'other/api', amountUsd: 2, caps: [orgCap(10)] }),
      );
      expect(otherOwner).toMatchObject({ reserved: true });
    });

    it('replaces a reservation atomically, and keeps it when the replacement does not fit', async () => {
      const first = await store.reserve(request({ amountUsd: 4 }));
      if (!first.reserved) throw new Error('the first reservation should fit');
      const refused = await store.reserve(request({ amountUsd: 11, replaces: first.id }));
      expect(refused).toMatchObject({ reserved: false, reservedUsd: 0 });
      expect(await committed('repo')).toEqual({ spentUsd: 0, reservedUsd: 4 });
      const second = await store.reserve(request({ amountUsd: 9, replaces: first.id }));
      expect(second).toMatchObject({ reserved: true });
      expect(await committed('repo')).toEqual({ spentUsd: 0, reservedUsd: 9 });
      await store.release(first.id);
      expect(await committed('repo')).toEqual({ spentUsd: 0, reservedUsd: 9 });
    });

    it('ignores the release of a reservation it does not know', async () => {
      await expect(store.release('no-such-reservation')).resolves.toBeUndefined();
    });
  });
};
