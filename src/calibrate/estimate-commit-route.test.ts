import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import { classifyChange } from '../classify/classify-change.js';
import { classifyPatch } from '../cli/classify-patch.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { estimateCommitRoute, loginOf } from './estimate-commit-route.js';

const prices = loadPriceTable();

const patchAdding = (path: string, count: number) =>
  [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${count} @@`,
    ...Array.from({ length: count }, (_, i) => `+export const v${i} = ${i};`),
  ].join('\n');

const estimate = (patch: string, options: { message?: string; authorEmail?: string } = {}) => {
  const diff = parseUnifiedDiff(patch);
  return estimateCommitRoute({
    commit: {
      sha: 'a'.repeat(40),
      authorEmail: options.authorEmail ?? 'dev@example.com',
      authorTime: 0,
      commitTime: 0,
      message: options.message ?? '',
      diff,
      patchBytes: patch.length,
    },
    classification: classifyChange({ diff, policy: DEFAULT_POLICY, authorAssociation: null }),
    policy: DEFAULT_POLICY,
    prices,
    maxInputTokens: 120_000,
    authorAssociation: null,
  });
};

describe('estimateCommitRoute', () => {
  it('estimates each tier as classify --json does for the same patch', () => {
    const patch = patchAdding('src/values.ts', 40);
    const offline = classifyPatch({
      file: 'values.patch',
      diff: parseUnifiedDiff(patch),
      policy: DEFAULT_POLICY,
      prices,
    });
    expect(estimate(patch).costUsd).toEqual(offline.estimate.costUsd);
  });

  it('costs more for a longer patch and a longer message, and the deep tier the most', () => {
    const small = estimate(patchAdding('src/values.ts', 10)).costUsd;
    const large = estimate(patchAdding('src/values.ts', 2000)).costUsd;
    const described = estimate(patchAdding('src/values.ts', 10), {
      message: `Add values\n\n${'Why these values matter. '.repeat(200)}`,
    }).costUsd;
    expect(large.fast).toBeGreaterThan(small.fast);
    expect(large.deep).toBeGreaterThan(small.deep);
    expect(described.deep).toBeGreaterThan(small.deep);
    expect(small.deep).toBeGreaterThan(small.fast);
  });

  it('records the tier the default rules give at each risk level', () => {
    expect(estimate(patchAdding('src/values.ts', 10)).tierByLevel).toEqual({
      low: 'fast',
      medium: 'deep',
      high: 'deep',
      critical: 'deep',
    });
    const docs = estimate(patchAdding('docs/guide.md', 10));
    expect(Object.values(docs.tierByLevel)).toEqual(['skip', 'skip', 'skip', 'skip']);
  });

  it('skips a bot the skip rules name, known by its GitHub address', () => {
    const route = estimate(patchAdding('src/values.ts', 10), {
      authorEmail: '49699333+dependabot[bot]@users.noreply.github.com',
    });
    expect(route.tierByLevel.critical).toBe('skip');
  });
});

describe('loginOf', () => {
  it.each([
    ['49699333+dependabot[bot]@users.noreply.github.com', 'dependabot[bot]'],
    ['octocat@users.noreply.github.com', 'octocat'],
    ['dev@example.com', ''],
  ])('reads %s as %j', (email, login) => {
    expect(loginOf(email)).toBe(login);
  });
});
