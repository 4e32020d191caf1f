import { describe, expect, it } from 'vitest';
import { loadPriceTable } from './price-table.js';
import { cacheSavingsUsd, estimateCostUsd, priceUsage, roundUsd } from './price-usage.js';

const defaults = loadPriceTable();

import { openai, anthropic, withLongContext } from './test-price-tables.js';

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
      'Anthropic cache writes split into more than their total: the total, the 1-hour ones first',
      'claude-opus-4-6',
      anthropic({
        cacheWriteTokens: 1_000_000,
        cacheWrite5mTokens: 800_000,
        cacheWrite1hTokens: 800_000,
      }),
      9.25,
    ],
    [
      'Anthropic cache writes split without a total, as split',
      'claude-opus-4-6',
      anthropic({ cacheWrite5mTokens: 1_000, cacheWrite1hTokens: 1_000 }),
      0.01625,
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

describe('cacheSavingsUsd', () => {
  it.each([
    // 80,000 of 100,000 input tokens read from cache: (1.75 - 0.175) per million saved on each.
    [
      'OpenAI cache reads',
      'gpt-5.3-codex',
      openai({ inputTokens: 100_000, cachedInputTokens: 80_000, outputTokens: 1_000 }),
      0.126,
    ],
    // 100,000 cache reads on Opus 4.6: (5 - 0.5) per million.
    [
      'Anthropic cache reads',
      'claude-opus-4-6',
      anthropic({ inputTokens: 2_000, cachedInputTokens: 100_000, outputTokens: 500 }),
      0.45,
    ],
    // A 5-minute write costs 6.25 where plain input costs 5: caching cost 1.25 per million.
    [
      'an Anthropic cache write never read again',
      'claude-opus-4-6',
      anthropic({ inputTokens: 2_000, cacheWriteTokens: 10_000, cacheWrite5mTokens: 10_000 }),
      -0.0125,
    ],
    [
      'a request without caching',
      'claude-opus-4-6',
      anthropic({ inputTokens: 2_000, outputTokens: 500 }),
      0,
    ],
  ])('measures %s', (_case, model, usage, saved) => {
    const measured = cacheSavingsUsd(defaults, model, usage);
    expect(measured.ok && measured.value).toBeCloseTo(saved, 9);
  });

  it('applies the discount to both sides: a batch halves what caching saved', () => {
    const usage = anthropic({ inputTokens: 2_000, cachedInputTokens: 100_000 });
    const measured = cacheSavingsUsd(defaults, 'claude-opus-4-6', usage, { discount: 'batch' });
    expect(measured.ok && measured.value).toBeCloseTo(0.225, 9);
  });

  it('says why an unknown model cannot be measured', () => {
    expect(cacheSavingsUsd(defaults, 'mystery', openai({ inputTokens: 1 })).ok).toBe(false);
  });
});
