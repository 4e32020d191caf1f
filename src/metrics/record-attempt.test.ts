import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { createMetrics } from './create-metrics.js';
import { recordAttempt } from './record-attempt.js';

const valueOf = async (
  metric: { get(): Promise<{ values: { labels: object; value: number }[] }> },
  labels: object,
) =>
  (await metric.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels))
    ?.value;

describe('recordAttempt', () => {
  it('counts the attempt by tier and outcome', async () => {
    const metrics = createMetrics({ processMetrics: false });
    recordAttempt(metrics, sampleEntry({ tier: 'fast', outcome: 'posted' }));
    recordAttempt(metrics, sampleEntry({ tier: 'fast', outcome: 'posted' }));
    recordAttempt(metrics, sampleEntry({ tier: 'deep', outcome: 'failed' }));
    expect(await valueOf(metrics.reviews, { tier: 'fast', outcome: 'posted' })).toBe(2);
    expect(await valueOf(metrics.reviews, { tier: 'deep', outcome: 'failed' })).toBe(1);
  });

  it('adds each kind of token as the provider reported it', async () => {
    const metrics = createMetrics({ processMetrics: false });
    recordAttempt(metrics, sampleEntry());
    const model = { provider: 'anthropic', model: 'claude-opus-4-6' };
    expect(await valueOf(metrics.tokens, { ...model, kind: 'input' })).toBe(12_345);
    expect(await valueOf(metrics.tokens, { ...model, kind: 'cached_input' })).toBe(50_000);
    expect(await valueOf(metrics.tokens, { ...model, kind: 'cache_write' })).toBe(3_000);
    expect(await valueOf(metrics.tokens, { ...model, kind: 'output' })).toBe(2_222);
    expect(await valueOf(metrics.tokens, { ...model, kind: 'reasoning' })).toBe(1_111);
  });

  it('adds the cost by tier, provider and model, never by repository', async () => {
    const metrics = createMetrics({ processMetrics: false });
    recordAttempt(metrics, sampleEntry({ repo: 'a/a', costUsd: 0.25 }));
    recordAttempt(metrics, sampleEntry({ repo: 'b/b', costUsd: 0.5 }));
    const { values } = await metrics.costUsd.get();
    expect(values).toEqual([
      {
        labels: { tier: 'deep', provider: 'anthropic', model: 'claude-opus-4-6' },
        value: 0.75,
      },
    ]);
  });

  it('counts a skipped pull request without tokens or cost', async () => {
    const metrics = createMetrics({ processMetrics: false });
    recordAttempt(
      metrics,
      sampleEntry({ tier: 'skip', outcome: 'skipped', provider: null, model: null, costUsd: 0 }),
    );
    expect(await valueOf(metrics.reviews, { tier: 'skip', outcome: 'skipped' })).toBe(1);
    expect((await metrics.tokens.get()).values).toEqual([]);
    expect((await metrics.costUsd.get()).values).toEqual([]);
  });
});
