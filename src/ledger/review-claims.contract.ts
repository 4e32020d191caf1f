/**
 * The claims half of the LedgerStore contract: at most one review per head SHA and tier, a posted
 * review kept forever, and a crashed or retried delivery's claim taken over. Run by
 * `describeLedgerStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import { useMigratedStore } from './test-migrated-store.js';
import { sampleKey } from './sample-entry.js';
import type { LedgerStore } from './types.js';

const key = sampleKey;

export const describeReviewClaimsContract = (
  name: string,
  open: () => Promise<LedgerStore>,
): void => {
  describe(`${name} (review claims)`, () => {
    let store: LedgerStore;
    useMigratedStore(open, (opened) => {
      store = opened;
    });

    it('refuses a second claim on the same head SHA and tier, naming the first delivery', async () => {
      expect(await store.claim(key(), 'first')).toEqual({ claimed: true });
      expect(await store.claim(key(), 'second')).toEqual({
        claimed: false,
        state: 'running',
        deliveryId: 'first',
      });
    });

    it('lets exactly one of ten concurrent claims win', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => store.claim(key(), `delivery-${index}`)),
      );
      const winners = results.filter((result) => result.claimed);
      expect(winners).toHaveLength(1);
      const winner = results.findIndex((result) => result.claimed);
      for (const result of results.filter((r) => !r.claimed)) {
        expect(result).toEqual({
          claimed: false,
          state: 'running',
          deliveryId: `delivery-${winner}`,
        });
      }
    });

    it('claims each tier, head SHA and pull request separately', async () => {
      expect(await store.claim(key({ tier: 'fast' }), 'a')).toEqual({ claimed: true });
      expect(await store.claim(key({ tier: 'deep' }), 'b')).toEqual({ claimed: true });
      expect(await store.claim(key({ headSha: 'b'.repeat(40) }), 'c')).toEqual({ claimed: true });
      expect(await store.claim(key({ pr: 43 }), 'd')).toEqual({ claimed: true });
      expect(await store.claim(key({ repo: 'acme/web' }), 'e')).toEqual({ claimed: true });
    });

    it('lets a later delivery claim again after a release', async () => {
      await store.claim(key(), 'first');
      await store.settle(key(), 'released');
      expect(await store.claim(key(), 'retry')).toEqual({ claimed: true });
      expect(await store.claim(key(), 'third')).toMatchObject({
        claimed: false,
        deliveryId: 'retry',
      });
    });

    it('keeps a posted claim, even when it is released afterwards', async () => {
      await store.claim(key(), 'first');
      await store.settle(key(), 'posted');
      expect(await store.claim(key(), 'redelivered')).toEqual({
        claimed: false,
        state: 'posted',
        deliveryId: 'first',
      });
      await store.settle(key(), 'released');
      expect(await store.claim(key(), 'later')).toEqual({
        claimed: false,
        state: 'posted',
        deliveryId: 'first',
      });
    });

    it('lets a delivery take over a running claim older than staleBefore, once', async () => {
      await store.claim(key(), 'crashed');
      const past = new Date(Date.now() - 60_000).toISOString();
      expect(await store.claim(key(), 'too-early', { staleBefore: past })).toMatchObject({
        claimed: false,
        deliveryId: 'crashed',
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const staleBefore = new Date().toISOString();
      const takeovers = await Promise.all(
        ['retry-1', 'retry-2', 'retry-3'].map((id) => store.claim(key(), id, { staleBefore })),
      );
      // The first takeover refreshes claimed_at, so the claim is no longer stale for the others.
      expect(takeovers.filter((result) => result.claimed)).toHaveLength(1);
    });

    it('hands an attempt that takes a claim over the check run its holder opened', async () => {
      await store.claim(key(), 'crashed');
      // Only the holder's delivery can attach a run to the claim.
      await store.attachCheck(key(), 'someone-else', 7);
      await store.attachCheck(key(), 'crashed', 4242);
      const staleBefore = new Date(Date.now() + 60_000).toISOString();
      expect(await store.claim(key(), 'retry', { staleBefore })).toEqual({
        claimed: true,
        checkId: 4242,
      });
      // A fresh claim of another tier has none.
      expect(await store.claim(key({ tier: 'deep' }), 'retry')).toEqual({ claimed: true });
      // Nor does a claim released and claimed again: a release means its run was completed.
      await store.settle(key(), 'released');
      expect(await store.claim(key(), 'later')).toEqual({ claimed: true });
    });

    it("lets a delivery's own retry take its running claim back, and no other delivery", async () => {
      await store.claim(key(), 'delivery-1');
      expect(await store.claim(key(), 'delivery-2')).toMatchObject({
        claimed: false,
        deliveryId: 'delivery-1',
      });
      expect(await store.claim(key(), 'delivery-1')).toEqual({ claimed: true });
      await store.settle(key(), 'posted');
      expect(await store.claim(key(), 'delivery-1')).toEqual({
        claimed: false,
        state: 'posted',
        deliveryId: 'delivery-1',
      });
    });

    it('never takes over a posted claim, however old', async () => {
      await store.claim(key(), 'first');
      await store.settle(key(), 'posted');
      const future = new Date(Date.now() + 60_000).toISOString();
      expect(await store.claim(key(), 'late', { staleBefore: future })).toEqual({
        claimed: false,
        state: 'posted',
        deliveryId: 'first',
      });
    });

    it("frees a dead-lettered delivery's running claims on its pull request, and names their check runs", async () => {
      const pull = { repo: 'acme/api', pr: 42 };
      await store.claim(key({ tier: 'fast' }), 'dead');
      await store.attachCheck(key({ tier: 'fast' }), 'dead', 77);
      await store.claim(key({ tier: 'deep' }), 'dead');
      await store.claim(key({ headSha: 'b'.repeat(40) }), 'dead');
      await store.settle(key({ headSha: 'b'.repeat(40) }), 'posted');
      await store.claim(key({ pr: 43 }), 'dead');
      await store.claim(key({ headSha: 'c'.repeat(40) }), 'alive');

      expect(await store.releaseHeldBy(pull, 'dead')).toEqual([77]);
      expect(await store.claim(key({ tier: 'fast' }), 'rerun')).toEqual({ claimed: true });
      expect(await store.claim(key({ tier: 'deep' }), 'rerun')).toEqual({ claimed: true });
      // Posted, another pull request's, another delivery's: kept.
      expect(await store.claim(key({ headSha: 'b'.repeat(40) }), 'rerun')).toMatchObject({
        claimed: false,
        state: 'posted',
      });
      expect(await store.claim(key({ pr: 43 }), 'rerun')).toMatchObject({ claimed: false });
      expect(await store.claim(key({ headSha: 'c'.repeat(40) }), 'rerun')).toMatchObject({
        claimed: false,
        deliveryId: 'alive',
      });
      expect(await store.releaseHeldBy(pull, 'dead')).toEqual([]);
    });
  });
};
