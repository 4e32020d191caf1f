/** One model call's duration in review_router_model_latency_seconds. */
import type { Metrics, ModelCallOutcome } from './types.js';

export interface ModelCallLabels {
  readonly provider: string;
  readonly model: string;
  readonly outcome: ModelCallOutcome;
}

export const observeModelLatency = (
  metrics: Metrics,
  labels: ModelCallLabels,
  seconds: number,
): void => {
  if (Number.isFinite(seconds) && seconds >= 0)
    metrics.modelLatency.observe({ ...labels }, seconds);
};
