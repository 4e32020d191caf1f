import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyUsage, type Usage } from '../domain/usage.js';
import { loadPriceTable, type PriceTable } from './price-table.js';
import { estimateCostUsd, priceUsage, roundUsd } from './price-usage.js';

const defaults = loadPriceTable();

/** The defaults plus two long-context models whose long rates are higher than their base rates. */
const withLongContext: PriceTable = {
  ...defaults,
  models: {
    ...defaults.models,
    'claude-long': {
      provider: 'anthropic',
      input: 3,
      cachedInput: 0.3,
      cacheWrite5m: 3.75,
      cacheWrite1h: 6,
      output: 15,
      longContext: {
        thresholdInputTokens: 200_000,
        input: 6,
        cachedInput: 0.6,
        cacheWrite5m: 7.5,
        cacheWrite1h: 12,
        output: 22.5,
      },
    },
    'gpt-long': {
      provider: 'openai',
      input: 1.75,
      cachedInput: 0.175,
      cacheWrite5m: null,
      cacheWrite1h: null,
      output: 14,
      longContext: {
        thresholdInputTokens: 272_000,
        input: 3.5,
        cachedInput: 0.35,
        cacheWrite5m: null,
        cacheWrite1h: null,
        output: 21,
      },
    },
  },
};

const openai = (counts: Partial<Usage>): Usage => ({ ...emptyUsage('openai'), ...counts });
const anthropic = (counts: Partial<Usage>): Usage => ({ ...emptyUsage('anthropic'), ...counts });

describe('priceUsage', () => {
  it.each([
    ['OpenAI uncached input', 'gpt-5.3-codex', openai({ inputTokens: 1_000_000 }), 1.75],
    [
      'OpenAI cached input, which is inside input',
      'gpt-5.3-codex',
      openai({ inputTokens: 1_000_000, cachedInputTokens: 1_000_000 }),
      0.175,
    ],
    [
      'OpenAI output with reasoning inside it',
      'gpt-5.3-codex',
      openai({ outputTokens: 1_000, reasoningTokens: 800 }),
      0.014,
    ],
    [
      'OpenAI input, cached input and output together',
      'gpt-5.3-codex',
      openai({
        inputTokens: 10_000,
        cachedInputTokens: 4_000,
        outputTokens: 2_000,
        reasoningTokens: 1_500,
      }),
      0.0392,
    ],
    ['Anthropic input', 'claude-opus-4-6', anthropic({ inputTokens: 1_000 }), 0.005],
    ['Anthropic cache read', 'claude-opus-4-6', anthropic({ cachedInputTokens: 10_000 }), 0.005],
    [
      'Anthropic 5-minute cache write',
      'claude-opus-4-6',
      anthropic({ cacheWriteTokens: 1_000, cacheWrite5mTokens: 1_000 }),
      0.00625,
    ],
    [
      'Anthropic 1-hour cache write',
      'claude-opus-4-6',
      anthropic({ cacheWriteTokens: 1_000, cacheWrite1hTokens: 1_000 }),
      0.01,
    ],
    [
      'Anthropic cache writes without a TTL split, at the 5-minute rate',
      'claude-opus-4-6',
      anthropic({ cacheWriteTokens: 2_000 }),
      0.0125,
    ],
    [
      'Anthropic cache writes partly split, the rest at the 5-minute rate',
      'claude-opus-4-6',
      anthropic({ cacheWriteTokens: 3_000, cacheWrite5mTokens: 1_000, cacheWrite1hTokens: 1_000 }),
      0.0225,
    ],
    [
      'Anthropic output with thinking inside it',
      'claude-opus-4-6',
      anthropic({ outputTokens: 1_000, reasoningTokens: 900 }),
      0.025,
    ],
    [
      'Anthropic every category together',
      'claude-opus-4-6',
      anthropic({
        inputTokens: 2_000,
        cachedInputTokens: 50_000,
        cacheWriteTokens: 5_000,
        cacheWrite5mTokens: 4_000,
        cacheWrite1hTokens: 1_000,
        outputTokens: 3_000,
      }),
      0.145,
    ],
    [
      'Anthropic US-only inference at 1.1x every category',
      'claude-opus-4-6',
      anthropic({
        inputTokens: 2_000,
        cachedInputTokens: 50_000,
        cacheWriteTokens: 5_000,
        cacheWrite5mTokens: 4_000,
        cacheWrite1hTokens: 1_000,
        outputTokens: 3_000,
        inferenceGeo: 'us',
      }),
      0.1595,
    ],
    [
      'Anthropic with a geography that has no multiplier',
      'claude-sonnet-4-6',
      anthropic({ inputTokens: 1_000_000, inferenceGeo: 'eu' }),
      3,
    ],
    [
      'a geography on a provider without multipliers',
      'gpt-5.3-codex',
      openai({ inputTokens: 1_000_000, inferenceGeo: 'us' }),
      1.75,
    ],
    ['claude-haiku-4-5 output', 'claude-haiku-4-5', anthropic({ outputTokens: 1_000_000 }), 5],
    [
      'claude-opus-5-5 cache read',
      'claude-opus-5-5',
      anthropic({ cachedInputTokens: 1_000_000 }),
      0.2,
    ],
    ['nothing at all', 'claude-opus-4-6', anthropic({}), 0],
    [
      'float noise rounded away (OpenAI)',
      'gpt-5.3-codex',
      openai({ inputTokens: 5, cachedInputTokens: 3 }),
      0.000004025,
    ],
    [
      'float noise rounded away (US geography)',
      'claude-opus-4-6',
      anthropic({ inputTokens: 7, inferenceGeo: 'us' }),
      0.0000385,
    ],
  ])('prices %s', (_name, model, usage, expected) => {
    expect(priceUsage(defaults, model, usage)).toEqual({
      ok: true,
      value: { costUsd: expected, version: '2026-09' },
    });
  });

  it.each([
    [
      'a prompt at the threshold at base rates',
      'claude-long',
      anthropic({
        inputTokens: 150_000,
        cachedInputTokens: 40_000,
        cacheWriteTokens: 10_000,
        outputTokens: 1_000,
      }),
      0.5145,
    ],
    [
      'a prompt one token past the threshold, cache writes included, wholly at long-context rates',
      'claude-long',
      anthropic({
        inputTokens: 150_000,
        cachedInputTokens: 40_000,
        cacheWriteTokens: 10_001,
        outputTokens: 1_000,
      }),
      1.0215075,
    ],
    [
      'an OpenAI prompt past the threshold wholly at long-context rates',
      'gpt-long',
      openai({ inputTokens: 300_000, cachedInputTokens: 100_000, outputTokens: 1_000 }),
      0.756,
    ],
    [
      'an OpenAI prompt at the threshold at base rates',
      'gpt-long',
      openai({ inputTokens: 272_000, outputTokens: 1_000 }),
      0.49,
    ],
  ])('prices %s', (_name, model, usage, expected) => {
    const priced = priceUsage(withLongContext, model, usage);
    expect(priced.ok && priced.value.costUsd).toBe(expected);
  });

  it.each([
    [
      'an unknown model',
      'gpt-9',
      openai({ inputTokens: 1 }),
      'unknown model gpt-9 in price table v2026-09: add it to PRICES_FILE',
    ],
    [
      'usage from the other provider',
      'claude-opus-4-6',
      openai({ inputTokens: 1 }),
      'priced as anthropic',
    ],
    [
      'more OpenAI cached tokens than input tokens',
      'gpt-5.3-codex',
      openai({ inputTokens: 1, cachedInputTokens: 2 }),
      'OpenAI input tokens include cached ones',
    ],
    [
      'cache writes on a model without a cache-write rate',
      'gpt-5.3-codex',
      openai({ cacheWriteTokens: 10, cacheWrite5mTokens: 10 }),
      'no 5-minute cache-write rate',
    ],
    [
      'a negative token count',
      'claude-opus-4-6',
      anthropic({ outputTokens: -1 }),
      'invalid outputTokens',
    ],
    [
      'a fractional token count',
      'claude-opus-4-6',
      anthropic({ inputTokens: 1.5 }),
      'invalid inputTokens',
    ],
  ])('refuses to price %s instead of calling it $0', (_name, model, usage, message) => {
    const priced = priceUsage(defaults, model, usage);
    expect(priced.ok).toBe(false);
    expect(!priced.ok && priced.error).toContain(message);
  });

  const categories = {
    openai: fc.record({
      uncached: fc.nat(400_000),
      cached: fc.nat(400_000),
      output: fc.nat(200_000),
    }),
    anthropic: fc.record({
      input: fc.nat(300_000),
      read: fc.nat(300_000),
      write5m: fc.nat(100_000),
      write1h: fc.nat(100_000),
      unsplit: fc.nat(100_000),
      output: fc.nat(200_000),
    }),
  };
  const cost = (model: string, usage: Usage): number => {
    const priced = priceUsage(withLongContext, model, usage);
    if (!priced.ok) throw new Error(priced.error);
    return priced.value.costUsd;
  };

  it('never charges less for more OpenAI tokens of any kind', () => {
    const toUsage = (c: { uncached: number; cached: number; output: number }): Usage =>
      openai({
        inputTokens: c.uncached + c.cached,
        cachedInputTokens: c.cached,
        outputTokens: c.output,
      });
    fc.assert(
      fc.property(
        fc.constantFrom('gpt-5.3-codex', 'gpt-long'),
        categories.openai,
        fc.constantFrom('uncached', 'cached', 'output'),
        fc.integer({ min: 1, max: 300_000 }),
        (model, counts, category, more) => {
          const bigger = { ...counts, [category]: counts[category] + more };
          expect(cost(model, toUsage(bigger))).toBeGreaterThanOrEqual(cost(model, toUsage(counts)));
        },
      ),
    );
  });

  it('never charges less for more Anthropic tokens of any kind', () => {
    type Counts = {
      input: number;
      read: number;
      write5m: number;
      write1h: number;
      unsplit: number;
      output: number;
    };
    const toUsage = (c: Counts, geo: string | null): Usage =>
      anthropic({
        inputTokens: c.input,
        cachedInputTokens: c.read,
        cacheWriteTokens: c.write5m + c.write1h + c.unsplit,
        cacheWrite5mTokens: c.write5m,
        cacheWrite1hTokens: c.write1h,
        outputTokens: c.output,
        inferenceGeo: geo,
      });
    fc.assert(
      fc.property(
        fc.constantFrom('claude-opus-4-6', 'claude-haiku-4-5', 'claude-long'),
        categories.anthropic,
        fc.constantFrom('input', 'read', 'write5m', 'write1h', 'unsplit', 'output'),
        fc.integer({ min: 1, max: 300_000 }),
        fc.constantFrom(null, 'us', 'eu'),
        (model, counts, category, more, geo) => {
          const bigger = { ...counts, [category]: counts[category] + more };
          expect(cost(model, toUsage(bigger, geo))).toBeGreaterThanOrEqual(
            cost(model, toUsage(counts, geo)),
          );
        },
      ),
    );
  });
});

describe('estimateCostUsd', () => {
  it.each([
    ['gpt-5.3-codex', 5_200, 1_000, 0.0231],
    ['claude-opus-4-6', 5_200, 1_000, 0.051],
  ])(
    'estimates %s from %i input and %i output tokens',
    (model, inputTokens, outputTokens, expected) => {
      expect(estimateCostUsd(defaults, model, { inputTokens, outputTokens })).toBe(expected);
    },
  );

  it('throws for an unknown model rather than estimating $0', () => {
    expect(() => estimateCostUsd(defaults, 'mystery', { inputTokens: 1, outputTokens: 1 })).toThrow(
      'unknown model mystery in price table v2026-09: add it to PRICES_FILE',
    );
  });
});

describe('roundUsd', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [0.0000000014, 0.000000001],
    [1.0000000006, 1.000000001],
    [-0.1 - 0.2, -0.3],
  ])('rounds %d to whole nano-dollars (%d)', (value, expected) => {
    expect(roundUsd(value)).toBe(expected);
  });
});
