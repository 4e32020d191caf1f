import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { randomScoreOf, scoreCommit } from './score-commit.js';

const commitOf = (patch: string) => ({
  sha: 'f'.repeat(40),
  authorEmail: 'a@example.com',
  authorTime: 0,
  commitTime: 0,
  message: 'Add a thing\n\nbody',
  diff: parseUnifiedDiff(patch),
  patchBytes: patch.length,
});

const added = (path: string, count: number) =>
  [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${count} @@`,
    ...Array.from({ length: count }, (_, i) => `+line ${i}`),
  ].join('\n');

const prices = loadPriceTable();

describe('scoreCommit', () => {
  it('scores a commit with the classifier and the three baselines', () => {
    const scored = scoreCommit({
      commit: commitOf(`${added('src/a.ts', 60)}\n${added('docs/guide.md', 300)}`),
      policy: DEFAULT_POLICY,
      prices,
      maxInputTokens: 120_000,
      authorAssociation: null,
    });
    expect(scored.scores['lines-added']).toBe(360);
    expect(scored.scores['size-class']).toBe(2);
    expect(scored.scores.classifier).toBeGreaterThan(0.3);
    expect(scored.signals).toContain('source-churn');
    expect(scored.touchesSource).toBe(true);
    expect(scored.subject).toBe('Add a thing');
    expect(scored.bugInducing).toBe(false);
  });

  it('gives a documentation-only commit no classifier score however large', () => {
    const scored = scoreCommit({
      commit: commitOf(added('docs/guide.md', 200)),
      policy: DEFAULT_POLICY,
      prices,
      maxInputTokens: 120_000,
      authorAssociation: null,
    });
    expect(scored.scores.classifier).toBe(0);
    expect(scored.touchesSource).toBe(false);
  });
});

describe('randomScoreOf', () => {
  it('draws the same number for the same sha, spread over [0, 1)', () => {
    const draws = Array.from({ length: 1000 }, (_, i) =>
      randomScoreOf(i.toString(16).padStart(40, '0')),
    );
    expect(randomScoreOf('abc')).toBe(randomScoreOf('abc'));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
