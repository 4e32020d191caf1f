import { describe, expect, it } from 'vitest';
import type { ContextPool } from '../context/types.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { buildReviewPrompt } from './build-prompt.js';
import { planTiers } from './plan-tiers.js';
import {
  classification,
  contextItem,
  diffOf,
  file,
  formatFile,
  input,
  policy,
  pr,
} from './test-prompt-input.js';

/** `count` lines of distinct code: about 12 tokens each. */
const code = (name: string, count: number): string =>
  Array.from({ length: count }, (_, i) => `export const ${name}${i} = ${name}(${i * 7});`).join(
    '\n',
  );

const pool: ContextPool = {
  items: [
    contextItem({}),
    contextItem({
      kind: 'file',
      symbol: null,
      reason: 'a changed file, whole at the head',
      level: 'files',
      text: code('whole', 20),
    }),
    contextItem({
      path: 'src/lib/math.ts',
      kind: 'definition',
      symbol: 'compute',
      reason: 'defines compute, used by an added line of src/util.ts',
      level: 'related',
      text: code('helper', 10),
    }),
    contextItem({
      path: 'test/util.test.ts',
      kind: 'test',
      symbol: null,
      reason: 'tests src/util.ts',
      level: 'related',
      text: code('check', 10),
    }),
  ],
  unread: [],
};

describe('buildReviewPrompt with code context', () => {
  it('gives the fast tier the enclosing functions and the deep tier whole files, definitions and tests', () => {
    const fast = buildReviewPrompt(input({ context: pool }));
    const deep = buildReviewPrompt(
      input({ context: pool, route: { tier: 'deep', reason: 'risky' } }),
    );
    expect(fast.contextLevel).toBe('functions');
    expect(fast.contextEntries.map((entry) => entry.kind)).toEqual(['function']);
    expect(deep.contextLevel).toBe('related');
    // The whole file covers the function inside it; definitions come before tests.
    expect(deep.contextEntries.map((entry) => entry.kind)).toEqual(['file', 'definition', 'test']);
    expect(deep.context).toContain('export const helper3 = helper(21);');
    expect(deep.prompt).not.toContain('helper3');
  });

  it('counts the context in the tokens of the prompt', () => {
    const without = buildReviewPrompt(input({ route: { tier: 'deep', reason: '' } }));
    const withContext = buildReviewPrompt(
      input({ context: pool, route: { tier: 'deep', reason: '' } }),
    );
    expect(withContext.tokens.context).toBeGreaterThan(0);
    expect(withContext.inputTokens).toBe(
      withContext.tokens.system + withContext.tokens.context + withContext.tokens.diff,
    );
    // Only the fence (a hash of what is quoted) differs in the rest: a few tokens.
    expect(withContext.inputTokens - without.inputTokens).toBeGreaterThan(
      withContext.tokens.context - 20,
    );
    expect(without.tokens.context).toBe(0);
    expect(without.context).toBe('');
  });

  it('lists the context that did not fit, with the reason, and keeps the more relevant part', () => {
    const prompt = buildReviewPrompt(
      input({ context: pool, route: { tier: 'deep', reason: '' }, contextMaxTokens: 600 }),
    );
    expect(prompt.contextEntries.map((entry) => entry.kind)).toEqual(['file', 'definition']);
    expect(prompt.contextLeftOut).toEqual([
      { path: 'test/util.test.ts', reason: "test over the deep tier's context budget" },
    ]);
    expect(prompt.tokens.context).toBeLessThanOrEqual(600);
  });

  it('marks a cache breakpoint only when the prefix reaches the model minimum', () => {
    const small = buildReviewPrompt(input({ context: pool, route: { tier: 'deep', reason: '' } }));
    expect(small.tokens.system + small.tokens.context).toBeLessThan(4_096);
    expect(small.cacheContext).toBe(false);
    const large: ContextPool = {
      items: [
        contextItem({ kind: 'file', symbol: null, level: 'files', text: code('large', 400) }),
      ],
      unread: [],
    };
    const big = buildReviewPrompt(input({ context: large, route: { tier: 'deep', reason: '' } }));
    expect(big.tokens.system + big.tokens.context).toBeGreaterThanOrEqual(4_096);
    expect(big.cacheContext).toBe(true);
  });

  it('trims the context for per_review_usd before it leaves out a file', () => {
    const files = [file('src/util.ts', { lines: 40 }), file('src/auth/session.ts', { lines: 40 })];
    const large: ContextPool = {
      items: [
        contextItem({
          path: 'src/lib/big.ts',
          kind: 'definition',
          level: 'related',
          text: code('big', 2_000),
        }),
      ],
      unread: [],
    };
    const options = (cap: number | null) => ({
      policy: { ...policy(), budget: { ...policy().budget, per_review_usd: cap } },
      classification: classification(['src/auth/session.ts', 'src/util.ts']),
      diff: diffOf(files),
      pr,
      prices: loadPriceTable(),
      maxInputTokens: 100_000,
      context: large,
    });
    const whole = planTiers(options(null));
    if (!whole.ok) throw new Error(whole.error.message);
    // A cap at three quarters of the whole deep estimate: room for the files, not for all context.
    const capped = planTiers(options(whole.value.deep.usd * 0.75));
    if (!capped.ok) throw new Error(capped.error.message);
    expect(capped.value.deep.fit.kind).toBe('trimmed');
    const trim = capped.value.deep.trim;
    if (trim === null) throw new Error('expected a trim');
    const trimmed = buildReviewPrompt({
      ...options(null),
      formatFile,
      route: { tier: 'deep', reason: '' },
      maxInputTokens: trim.maxInputTokens,
    });
    expect(trimmed.includedPaths).toEqual(['src/auth/session.ts', 'src/util.ts']);
    expect(trimmed.contextEntries).toEqual([]);
    expect(trimmed.contextLeftOut.map((entry) => entry.path)).toEqual(['src/lib/big.ts']);
  });
});
