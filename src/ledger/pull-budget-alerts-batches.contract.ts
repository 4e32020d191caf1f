/**
 * The parts of the LedgerStore contract that budgets per pull request, budget alerts and batch
 * reviews rely on. Run by `describeLedgerStoreContract` on every database.
 */
import { describe, expect, it } from 'vitest';
import { useMigratedStore } from './test-migrated-store.js';
import { sampleEntry } from './sample-entry.js';
import type { LedgerStore, NewPendingBatch, ReserveRequest } from './types.js';

const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';
const AT = '2026-11-21T10:00:00.000Z';
const LATER = '2026-11-21T11:00:00.000Z';

const pullRequest = (overrides: Partial<ReserveRequest> = {}): ReserveRequest => ({
  repo: 'acme/api',
  pr: 7,
  amountUsd: 1,
  caps: [{ scope: 'pull', capUsd: 3 }],
  from: FROM,
  to: TO,
  at: AT,
  expiresAt: LATER,
  ...overrides,
});

const batch = (overrides: Partial<NewPendingBatch> = {}): NewPendingBatch => ({
  id: 'batch-review-1',
  repo: 'acme/api',
  pr: 7,
  headSha: 'b'.repeat(40),
  tier: 'fast',
  provider: 'openai',
  model: 'gpt-5.3-codex',
  effort: 'low',
  batchId: 'batch_abc',
  job: {
    deliveryId: 'delivery-1',
    installationId: 4_294_967_297,
    trigger: 'labeled',
    receivedAt: '2026-11-21T09:59:59.000Z',
  },
  reason: 'label review:later (routing.rules[0])',
  budgetNote: null,
  maxInputTokens: 120_000,
  reservationId: 'reservation-1',
  at: AT,
  ...overrides,
});

export const describePullBudgetAlertsBatchesContract = (
  name: string,
  open: () => Promise<LedgerStore>,
): void => {
  describe(`${name} (pull request budgets, alerts, pending batches)`, () => {
    let store: LedgerStore;
    useMigratedStore(open, (opened) => {
      store = opened;
    });

    const pullCommitted = (pr: number) =>
      store.committed({ scope: 'pull', repo: 'acme/api', pr, from: FROM, to: TO, at: AT });

    it("counts every row of one pull request, whatever its month, and none of another's", async () => {
      await store.record(
        sampleEntry({ pr: 7, costUsd: 1.5, startedAt: '2026-09-30T23:00:00.000Z' }),
      );
      await store.record(sampleEntry({ pr: 7, costUsd: 0.25 }));
      await store.record(sampleEntry({ pr: 8, costUsd: 9 }));
      await store.record(sampleEntry({ pr: 7, repo: 'acme/web', costUsd: 9 }));
      expect(await pullCommitted(7)).toEqual({ spentUsd: 1.75, reservedUsd: 0 });
    });

    it('refuses a reservation that would pass the pull request cap, counting its other reservations', async () => {
      await store.record(sampleEntry({ pr: 7, costUsd: 1 }));
      const first = await store.reserve(pullRequest({ amountUsd: 1.5 }));
      expect(first.reserved).toBe(true);
      expect(await store.reserve(pullRequest({ amountUsd: 1 }))).toEqual({
        reserved: false,
        scope: 'pull',
        capUsd: 3,
        spentUsd: 1,
        reservedUsd: 1.5,
      });
      expect((await store.reserve(pullRequest({ pr: 8, amountUsd: 1 }))).reserved).toBe(true);
      expect(await pullCommitted(7)).toEqual({ spentUsd: 1, reservedUsd: 1.5 });
    });

    it('lets exactly one of many simultaneous reservations take the last of a pull request cap', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, () => store.reserve(pullRequest({ amountUsd: 2 }))),
      );
      expect(results.filter((result) => result.reserved)).toHaveLength(1);
    });

    it('raises each alert once per repository, month and share', async () => {
      const alert = {
        repo: 'acme/api',
        month: '2026-11',
        share: 0.75,
        spentUsd: 7.5,
        capUsd: 10,
        at: AT,
      };
      const raised = await Promise.all([store.raiseAlert(alert), store.raiseAlert(alert)]);
      expect(raised.filter(Boolean)).toHaveLength(1);
      expect(await store.raiseAlert({ ...alert, share: 0.9 })).toBe(true);
      expect(await store.raiseAlert({ ...alert, month: '2026-12' })).toBe(true);
      expect(await store.raiseAlert({ ...alert, repo: 'acme/web' })).toBe(true);
      expect(await store.raiseAlert(alert)).toBe(false);
    });

    it('keeps a pending batch review as stored and moves it only from the state it is in', async () => {
      await store.addPendingBatch(batch());
      await store.addPendingBatch(batch({ id: 'other-pull', pr: 8 }));
      const stored = await store.getPendingBatch('batch-review-1');
      expect(stored).toEqual({
        ...batch(),
        state: 'submitted',
        checkId: null,
        polls: 0,
        updatedAt: AT,
      });
      expect(
        (await store.listWaitingBatches({ repo: 'acme/api', pr: 7 })).map((b) => b.id),
      ).toEqual(['batch-review-1']);
      expect(
        await store.updatePendingBatch('batch-review-1', {
          from: 'submitted',
          checkId: 4_294_967_299,
          polls: 2,
          at: LATER,
        }),
      ).toBe(true);
      expect(
        await store.updatePendingBatch('batch-review-1', {
          from: 'submitted',
          state: 'done',
          at: LATER,
        }),
      ).toBe(true);
      expect(
        await store.updatePendingBatch('batch-review-1', {
          from: 'submitted',
          state: 'superseded',
          at: LATER,
        }),
      ).toBe(false);
      expect(await store.getPendingBatch('batch-review-1')).toMatchObject({
        state: 'done',
        checkId: 4_294_967_299,
        polls: 2,
        updatedAt: LATER,
      });
      expect(await store.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
      expect(await store.getPendingBatch('unknown')).toBeNull();
    });

    it('stores whether an attempt was a batch and its discount, and reads them back', async () => {
      const row = await store.record(
        sampleEntry({ batch: true, discount: 'batch', serviceTier: 'default' }),
      );
      const [listed] = await store.list();
      expect(listed).toEqual(row);
      expect(listed).toMatchObject({ batch: true, discount: 'batch', serviceTier: 'default' });
    });
  });
};
