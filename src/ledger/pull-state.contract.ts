/**
 * The pull request half of the LedgerStore contract: the state kept between jobs (incremental
 * reviews, `/review skip`, the summary review) and the fingerprints of posted findings.
 * Run by `describeLedgerStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import { useMigratedStore } from './test-migrated-store.js';
import { sampleEntry } from './sample-entry.js';
import type { LedgerStore, PostedFinding } from './types.js';

const PR = { repo: 'acme/api', pr: 42 } as const;
const AT = '2026-11-21T10:00:00.000Z';
const LATER = '2026-11-21T11:00:00.000Z';

const posted = (overrides: Partial<PostedFinding> = {}): PostedFinding => ({
  ...PR,
  fingerprint: 'f'.repeat(64),
  reviewId: 80,
  headSha: 'a'.repeat(40),
  createdAt: AT,
  ...overrides,
});

export const describePullStateContract = (name: string, open: () => Promise<LedgerStore>): void => {
  describe(`${name} (pull request state)`, () => {
    let store: LedgerStore;
    useMigratedStore(open, (opened) => {
      store = opened;
    });

    it('knows nothing about a pull request it never stored', async () => {
      expect(await store.getPullState(PR)).toBeNull();
    });

    it('creates the state with the fields given and null for the others', async () => {
      const state = await store.updatePullState({ ...PR, at: AT, lastReviewedSha: 'b'.repeat(40) });
      expect(state).toEqual({
        ...PR,
        lastReviewedSha: 'b'.repeat(40),
        lastReviewedBase: null,
        skip: null,
        summaryReviewId: null,
        updatedAt: AT,
      });
      expect(await store.getPullState(PR)).toEqual(state);
    });

    it('changes only the fields an update names', async () => {
      await store.updatePullState({ ...PR, at: AT, lastReviewedSha: 'b'.repeat(40) });
      await store.updatePullState({ ...PR, at: AT, summaryReviewId: 9_000_000_001 });
      await store.updatePullState({ ...PR, at: LATER, skip: { by: 'octocat', commentId: 77 } });
      await store.updatePullState({ ...PR, at: LATER, lastReviewedBase: 'release/2.x' });
      expect(await store.getPullState(PR)).toEqual({
        ...PR,
        lastReviewedSha: 'b'.repeat(40),
        lastReviewedBase: 'release/2.x',
        skip: { by: 'octocat', commentId: 77 },
        summaryReviewId: 9_000_000_001,
        updatedAt: LATER,
      });
    });

    it('clears a skip without touching the last reviewed SHA', async () => {
      await store.updatePullState({
        ...PR,
        at: AT,
        lastReviewedSha: 'c'.repeat(40),
        skip: { by: 'octocat', commentId: 77 },
      });
      const cleared = await store.updatePullState({ ...PR, at: LATER, skip: null });
      expect(cleared).toMatchObject({ skip: null, lastReviewedSha: 'c'.repeat(40) });
    });

    it('keeps each pull request and repository apart', async () => {
      await store.updatePullState({ ...PR, at: AT, lastReviewedSha: 'a'.repeat(40) });
      await store.updatePullState({
        repo: 'acme/api',
        pr: 43,
        at: AT,
        lastReviewedSha: 'b'.repeat(40),
      });
      await store.updatePullState({
        repo: 'acme/web',
        pr: 42,
        at: AT,
        lastReviewedSha: 'c'.repeat(40),
      });
      expect((await store.getPullState(PR))?.lastReviewedSha).toBe('a'.repeat(40));
      expect((await store.getPullState({ repo: 'acme/web', pr: 42 }))?.lastReviewedSha).toBe(
        'c'.repeat(40),
      );
    });

    it('remembers posted findings once per fingerprint, keeping the first', async () => {
      await store.recordPostedFindings([
        posted({ fingerprint: '1'.repeat(64) }),
        posted({ fingerprint: '2'.repeat(64), reviewId: null }),
      ]);
      await store.recordPostedFindings([
        posted({
          fingerprint: '1'.repeat(64),
          reviewId: 81,
          headSha: 'b'.repeat(40),
          createdAt: LATER,
        }),
        posted({ fingerprint: '3'.repeat(64), reviewId: 81, createdAt: LATER }),
      ]);
      await store.recordPostedFindings([]);
      expect(await store.listPostedFindings(PR)).toEqual([
        posted({ fingerprint: '1'.repeat(64) }),
        posted({ fingerprint: '2'.repeat(64), reviewId: null }),
        posted({ fingerprint: '3'.repeat(64), reviewId: 81, createdAt: LATER }),
      ]);
    });

    it("lists only the pull request's own posted findings", async () => {
      await store.recordPostedFindings([
        posted({ fingerprint: '1'.repeat(64) }),
        posted({ pr: 43, fingerprint: '1'.repeat(64) }),
        posted({ repo: 'acme/web', fingerprint: '4'.repeat(64) }),
      ]);
      expect((await store.listPostedFindings(PR)).map((row) => row.fingerprint)).toEqual([
        '1'.repeat(64),
      ]);
      expect(await store.listPostedFindings({ repo: 'acme/none', pr: 1 })).toEqual([]);
    });

    it("lists one pull request's review attempts, newest first", async () => {
      await store.record(sampleEntry({ deliveryId: 'first', pr: 42, startedAt: AT }));
      await store.record(sampleEntry({ deliveryId: 'other', pr: 43, startedAt: AT }));
      await store.record(sampleEntry({ deliveryId: 'second', pr: 42, startedAt: LATER }));
      await store.record(sampleEntry({ deliveryId: 'web', repo: 'acme/web', pr: 42 }));
      const rows = await store.list({ repo: 'acme/api', pr: 42 });
      expect(rows.map((row) => row.deliveryId)).toEqual(['second', 'first']);
    });

    it('migrates a second time without touching the state or the findings', async () => {
      await store.updatePullState({ ...PR, at: AT, lastReviewedSha: 'a'.repeat(40) });
      await store.recordPostedFindings([posted()]);
      await store.migrate();
      expect(await store.getPullState(PR)).toMatchObject({ lastReviewedSha: 'a'.repeat(40) });
      expect(await store.listPostedFindings(PR)).toEqual([posted()]);
    });
  });
};
