import { describe, expect, it } from 'vitest';
import { emptyUsage } from '../domain/usage.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { priceBatch } from './price-batch.js';
import { silentLog } from '../domain/log.js';

const prices = loadPriceTable();
const usage = { ...emptyUsage('openai'), inputTokens: 1_000_000, outputTokens: 1_000_000 };
const fastBatch = { tier: 'fast', model: 'gpt-5.3-codex' } as const;

describe('priceBatch', () => {
  it("prices a fast batch review at half the table's price, and its deep estimate on the policy's deep provider", () => {
    const priced = priceBatch(
      fastBatch,
      usage,
      { prices, deep: { provider: 'bedrock', model: 'global.anthropic.claude-opus-4-6-v1' } },
      silentLog,
    );
    // gpt-5.3-codex: $1.75 + $14 per million; Opus 4.6 on Bedrock: $5 + $25; batch halves both.
    expect(priced.costUsd).toBeCloseTo((1.75 + 14) / 2, 9);
    expect(priced.deepCostUsd).toBeCloseTo((5 + 25) / 2, 9);
    expect(priced.priceError).toBeNull();
  });

  it('claims no saving when the deep model cannot be priced, rather than losing the attempt', () => {
    const priced = priceBatch(
      fastBatch,
      usage,
      { prices, deep: { provider: 'bedrock', model: 'claude-unknown-9' } },
      silentLog,
    );
    expect(priced.costUsd).toBeCloseTo((1.75 + 14) / 2, 9);
    expect(priced.deepCostUsd).toBe(priced.costUsd);
  });
});
