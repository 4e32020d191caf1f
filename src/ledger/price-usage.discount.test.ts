import { describe, expect, it } from 'vitest';
import { loadPriceTable } from './price-table.js';
import { estimateCostUsd, priceUsage } from './price-usage.js';
import { anthropic, openai } from './test-price-tables.js';

const defaults = loadPriceTable();

describe('priceUsage with the batch discount', () => {
  it.each([
    [
      'OpenAI input, cached input and output',
      'gpt-5.3-codex',
      openai({ inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 2_000 }),
      0.0196,
    ],
    [
      'Anthropic input, cache reads and writes and output',
      'claude-opus-4-6',
      anthropic({
        inputTokens: 1_000,
        cachedInputTokens: 10_000,
        cacheWriteTokens: 1_000,
        cacheWrite1hTokens: 1_000,
        outputTokens: 1_000,
      }),
      (0.005 + 0.005 + 0.01 + 0.025) / 2,
    ],
  ])('bills %s at half the list price', (_name, model, usage, expected) => {
    const list = priceUsage(defaults, model, usage);
    const batch = priceUsage(defaults, model, usage, { discount: 'batch' });
    if (!list.ok || !batch.ok) throw new Error('expected both to be priced');
    expect(batch.value.costUsd).toBeCloseTo(expected, 9);
    expect(batch.value.costUsd).toBeCloseTo(list.value.costUsd / 2, 9);
  });

  it('estimates a batch review at half the list estimate', () => {
    const tokens = { inputTokens: 100_000, outputTokens: 6_000 };
    expect(estimateCostUsd(defaults, 'claude-opus-4-6', tokens, { discount: 'batch' })).toBe(
      estimateCostUsd(defaults, 'claude-opus-4-6', tokens) / 2,
    );
  });
});
