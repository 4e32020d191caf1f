/**
 * The FindingFeedback contract, run on every database: posted findings kept once, pushes followed
 * once, event signals kept once, outcomes settled and re-settled without counting twice, and the
 * groups added up in SQL equal to the same sums over the listed findings.
 */
import { describe, expect, it } from 'vitest';
import { useMigratedStore } from './test-migrated-store.js';
import type { PostedFindingRecord } from '../domain/finding-feedback.js';
import type { LedgerStore } from './types.js';

const PR = { repo: 'acme/api', pr: 42 } as const;
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const AT = '2026-11-21T10:00:00.000Z';

export const postedFinding = (
  overrides: Partial<PostedFindingRecord> = {},
): PostedFindingRecord => ({
  ...PR,
  fingerprint: '1'.repeat(32),
  deliveryId: 'd-1',
  reviewId: 80,
  path: 'src/a.ts',
  line: 3,
  startLine: null,
  side: 'RIGHT',
  tier: 'fast',
  provider: 'openai',
  model: 'gpt-5.3-codex',
  category: 'bug',
  severity: 'warning',
  suggestion: null,
  costUsd: 0.001234567,
  postedAt: AT,
  tracked: { sha: A, line: 3, startLine: null },
  ...overrides,
});

export const describeFindingFeedbackContract = (
  name: string,
  open: () => Promise<LedgerStore>,
): void => {
  describe(`${name} (finding feedback)`, () => {
    let store: LedgerStore;
    useMigratedStore(open, (opened) => {
      store = opened;
    });

    const one = postedFinding();
    const two = postedFinding({
      fingerprint: '2'.repeat(32),
      tier: 'deep',
      provider: 'anthropic',
      model: 'claude-opus-4-6',
      category: 'style',
      severity: 'info',
      costUsd: 0.5,
      postedAt: '2026-11-22T10:00:00.000Z',
    });

    it('keeps a posted finding once, open, with its exact cost share', async () => {
      await store.recordFindings([one, two]);
      await store.recordFindings([{ ...one, costUsd: 9 }]);
      const findings = await store.listPullFindings(PR);
      expect(findings).toEqual([
        { ...one, outcome: 'open', signals: [], settledAt: null },
        { ...two, outcome: 'open', signals: [], settledAt: null },
      ]);
    });

    it('follows a push once: a redelivered push neither moves nor signals again', async () => {
      await store.recordFindings([one]);
      const push = {
        ...PR,
        base: A,
        at: AT,
        findings: [
          {
            fingerprint: one.fingerprint,
            tracked: { sha: B, line: 5, startLine: null },
            signals: ['lines-changed' as const],
          },
        ],
      };
      await store.followPush(push);
      await store.followPush({ ...push, findings: [{ ...push.findings[0]!, signals: ['+1'] }] });
      const [finding] = await store.listPullFindings(PR);
      expect(finding?.tracked).toEqual({ sha: B, line: 5, startLine: null });
      expect(finding?.signals).toEqual(['lines-changed']);
    });

    it('keeps the path a push renamed the file to, through later pushes that do not', async () => {
      await store.recordFindings([one]);
      const C = 'c'.repeat(40);
      const follow = (base: string, tracked: { sha: string; line: number; path?: string }) =>
        store.followPush({
          ...PR,
          base,
          at: AT,
          findings: [
            { fingerprint: one.fingerprint, tracked: { startLine: null, ...tracked }, signals: [] },
          ],
        });
      await follow(A, { sha: B, line: 3, path: 'src/renamed.ts' });
      expect((await store.listPullFindings(PR))[0]?.tracked).toEqual({
        sha: B,
        line: 3,
        startLine: null,
        path: 'src/renamed.ts',
      });
      await follow(B, { sha: C, line: 4 });
      const [finding] = await store.listPullFindings(PR);
      expect(finding?.tracked).toEqual({
        sha: C,
        line: 4,
        startLine: null,
        path: 'src/renamed.ts',
      });
      expect(finding?.path).toBe(one.path);
    });

    it('keeps an event signal once, and only for findings it knows', async () => {
      await store.recordFindings([one]);
      const note = { ...PR, signal: 'resolved' as const, at: AT };
      await store.noteSignal({ ...note, fingerprints: [one.fingerprint, 'f'.repeat(32)] });
      await store.noteSignal({ ...note, fingerprints: [one.fingerprint] });
      expect((await store.listPullFindings(PR)).map((f) => f.signals)).toEqual([['resolved']]);
    });

    it('settles outcomes, replaces what the last close read, and reports only changes', async () => {
      await store.recordFindings([one, two]);
      const settle = (outcome: 'acted-on' | 'dismissed', signals: ('+1' | '-1')[]) =>
        store.settleFindings({
          ...PR,
          at: AT,
          settlements: [
            { fingerprint: one.fingerprint, outcome, closeSignals: signals },
            { fingerprint: two.fingerprint, outcome: 'no-signal', closeSignals: [] },
          ],
        });
      expect(await settle('acted-on', ['+1'])).toEqual([
        { tier: 'fast', outcome: 'acted-on' },
        { tier: 'deep', outcome: 'no-signal' },
      ]);
      await store.reopenFindings(PR);
      expect((await store.listPullFindings(PR)).map((f) => f.outcome)).toEqual(['open', 'open']);
      expect(await settle('acted-on', ['+1'])).toEqual([]);
      expect(await settle('dismissed', ['-1'])).toEqual([{ tier: 'fast', outcome: 'dismissed' }]);
      const [first] = await store.listPullFindings(PR);
      expect(first).toMatchObject({ outcome: 'dismissed', signals: ['-1'], settledAt: AT });
    });

    it('adds up groups in the database exactly as the listed findings add up', async () => {
      await store.recordFindings([one, two, postedFinding({ fingerprint: '3'.repeat(32) })]);
      await store.settleFindings({
        ...PR,
        at: AT,
        settlements: [{ fingerprint: one.fingerprint, outcome: 'acted-on', closeSignals: [] }],
      });
      const groups = await store.groupFindings({}, ['tier', 'model']);
      expect(groups).toEqual([
        {
          key: { tier: 'deep', model: 'claude-opus-4-6' },
          findings: 1,
          actedOn: 0,
          dismissed: 0,
          noSignal: 0,
          open: 1,
          costUsd: 0.5,
          settledCostUsd: 0,
        },
        {
          key: { tier: 'fast', model: 'gpt-5.3-codex' },
          findings: 2,
          actedOn: 1,
          dismissed: 0,
          noSignal: 0,
          open: 1,
          costUsd: 0.002469134,
          settledCostUsd: 0.001234567,
        },
      ]);
      expect(await store.groupFindings({ since: '2026-11-22' }, [])).toMatchObject([
        { findings: 1, costUsd: 0.5 },
      ]);
      const listed = await store.listFindings({ repo: 'acme/api' });
      expect(listed.map((f) => f.fingerprint)).toEqual([
        two.fingerprint,
        one.fingerprint,
        '3'.repeat(32),
      ]);
      // The repository's name in any case, as GitHub takes it.
      expect(await store.listFindings({ repo: 'ACME/Api' })).toEqual(listed);
    });
  });
};
