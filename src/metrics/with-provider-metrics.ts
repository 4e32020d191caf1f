/** A ModelProvider whose every call is timed into review_router_model_latency_seconds. */
import type { ProviderId } from '../domain/policy.js';
import type { ModelProvider } from '../providers/types.js';
import { observeModelLatency } from './observe-model-latency.js';
import type { Metrics } from './types.js';

/** Milliseconds from a monotonic clock; tests pass their own. */
export type Clock = () => number;

export const withProviderMetrics = (
  provider: ModelProvider,
  metrics: Metrics,
  clock: Clock = () => performance.now(),
): ModelProvider => ({
  id: provider.id,
  review: async (request) => {
    const started = clock();
    const seconds = () => (clock() - started) / 1000;
    const labels = { provider: provider.id, model: request.model };
    try {
      const result = await provider.review(request);
      const outcome = result.ok ? 'ok' : result.error.kind;
      observeModelLatency(metrics, { ...labels, outcome }, seconds());
      return result;
    } catch (error) {
      observeModelLatency(metrics, { ...labels, outcome: 'exception' }, seconds());
      throw error;
    }
  },
});

/** Every configured provider, timed. */
export const withProvidersMetrics = (
  providers: Partial<Record<ProviderId, ModelProvider>>,
  metrics: Metrics,
): Partial<Record<ProviderId, ModelProvider>> =>
  Object.fromEntries(
    Object.entries(providers).map(([id, provider]) => [id, withProviderMetrics(provider, metrics)]),
  );
