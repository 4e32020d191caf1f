import { describe, expect, it } from 'vitest';
import type { FindingOutcome, FindingRecord } from '../domain/finding-feedback.js';
import { postedFinding } from '../ledger/finding-feedback.contract.js';
import { suggestPolicyChanges } from './suggest-policy-changes.js';

let next = 0;
const settled = (
  outcome: FindingOutcome,
  overrides: Partial<FindingRecord> = {},
): FindingRecord => ({
  ...postedFinding({ fingerprint: String((next += 1)).padStart(32, '0') }),
  outcome,
  signals: [],
  settledAt: '2026-11-22T10:00:00.000Z',
  ...overrides,
});
const times = (n: number, make: () => FindingRecord) => Array.from({ length: n }, make);

describe('suggestPolicyChanges', () => {
  it('suggests an instruction for a category almost never acted on, and nothing on thin evidence', () => {
    const style = times(12, () => settled('dismissed', { category: 'style', severity: 'error' }));
    const bugs = times(10, () => settled('acted-on', { category: 'bug', severity: 'error' }));
    const [suggestion, ...rest] = suggestPolicyChanges([...style, ...bugs]);
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      kind: 'instruction',
      reason: '0 of 12 style findings were acted on (0%)',
    });
    expect(suggestion?.snippet).toContain('review:\n  instructions: |');
    expect(suggestPolicyChanges(style.slice(0, 9))).toEqual([]);
  });

  it('suggests raising min_severity when the lowest posted severity is noise and the next is not', () => {
    const warnings = times(10, () =>
      settled('no-signal', { severity: 'warning', category: `c${next}` }),
    );
    const errors = times(10, () =>
      settled('acted-on', { severity: 'error', category: `c${next}` }),
    );
    expect(suggestPolicyChanges([...warnings, ...errors])).toEqual([
      expect.objectContaining({
        kind: 'min-severity',
        snippet: expect.stringContaining('min_severity: error'),
      }),
    ]);
  });

  it('suggests a routing rule where the fast tier acts more per dollar than the deep tier', () => {
    const fast = times(10, () => settled('acted-on', { path: 'src/ui/button.ts', costUsd: 0.01 }));
    const deep = times(10, () =>
      settled(next % 2 === 0 ? 'acted-on' : 'no-signal', {
        path: 'src/ui/form.ts',
        tier: 'deep',
        costUsd: 0.2,
      }),
    );
    const rules = suggestPolicyChanges([...fast, ...deep]).filter((s) => s.kind === 'routing-rule');
    expect(rules).toHaveLength(1);
    expect(rules[0]?.snippet).toContain('- { when: { paths: ["src/ui/**"] }, tier: fast }');
  });

  it('leaves open findings out of the evidence', () => {
    expect(suggestPolicyChanges(times(20, () => settled('open', { category: 'style' })))).toEqual(
      [],
    );
  });
});
