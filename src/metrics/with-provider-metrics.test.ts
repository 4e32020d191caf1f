import { describe, expect, it } from 'vitest';
import { emptyUsage } from '../domain/usage.js';
import { err, ok } from '../domain/result.js';
import type { ModelProvider, ProviderFailure, ReviewRequest } from '../providers/types.js';
import { createMetrics } from './create-metrics.js';
import { withProviderMetrics, withProvidersMetrics } from './with-provider-metrics.js';

const request = { model: 'gpt-5.3-codex' } as ReviewRequest;
const failure: ProviderFailure = {
  kind: 'rate-limited',
  provider: 'openai',
  message: '429',
  status: 429,
  usage: null,
  rawAnswer: null,
  retryable: true,
};

/** A clock that moves `step` milliseconds each time it is read. */
const steppingClock = (step: number) => {
  let now = 0;
  return () => (now += step);
};

const histogram = async (metrics: ReturnType<typeof createMetrics>) =>
  (await metrics.modelLatency.get()).values.filter((v) => v.metricName?.endsWith('_sum'));

describe('withProviderMetrics', () => {
  it('times an answered call with outcome ok and passes the reply through', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const reply = { answer: {}, usage: emptyUsage('openai'), model: 'm', requestId: null };
    const provider: ModelProvider = {
      id: 'openai',
      review: () => Promise.resolve(ok(reply as never)),
    };
    const timed = withProviderMetrics(provider, metrics, steppingClock(1500));
    expect(await timed.review(request)).toEqual(ok(reply));
    expect(await histogram(metrics)).toMatchObject([
      { labels: { provider: 'openai', model: 'gpt-5.3-codex', outcome: 'ok' }, value: 1.5 },
    ]);
  });

  it('labels a failed call with its failure kind', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const provider: ModelProvider = { id: 'openai', review: () => Promise.resolve(err(failure)) };
    await withProviderMetrics(provider, metrics, steppingClock(250)).review(request);
    expect(await histogram(metrics)).toMatchObject([
      { labels: { outcome: 'rate-limited' }, value: 0.25 },
    ]);
  });

  it('labels a call that threw as exception and rethrows', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const provider: ModelProvider = {
      id: 'anthropic',
      review: () => Promise.reject(new Error('bug')),
    };
    await expect(withProviderMetrics(provider, metrics).review(request)).rejects.toThrow('bug');
    expect(await histogram(metrics)).toMatchObject([
      { labels: { provider: 'anthropic', outcome: 'exception' } },
    ]);
  });

  it('wraps every configured provider and adds none', () => {
    const provider: ModelProvider = { id: 'openai', review: () => Promise.resolve(err(failure)) };
    const wrapped = withProvidersMetrics(
      { openai: provider },
      createMetrics({ processMetrics: false }),
    );
    expect(Object.keys(wrapped)).toEqual(['openai']);
    expect(wrapped.openai?.id).toBe('openai');
  });
});
