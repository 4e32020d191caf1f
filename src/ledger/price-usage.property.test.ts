import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Usage } from '../domain/usage.js';
import { priceUsage } from './price-usage.js';
import { anthropic, openai, withLongContext } from './test-price-tables.js';

describe('priceUsage (properties)', () => {
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
