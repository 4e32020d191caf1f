/** The app's Prometheus metrics. Labels stay bounded: never a repository, pull request or SHA. */
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProviderFailureKind } from '../providers/types.js';

/** How the provider reported the tokens (src/domain/usage.ts): each kind counted as given. */
export type TokenKind = 'input' | 'cached_input' | 'cache_write' | 'output' | 'reasoning';
export const TOKEN_KINDS: readonly TokenKind[] = [
  'input',
  'cached_input',
  'cache_write',
  'output',
  'reasoning',
];

/** `ok`, the typed failure kind, or `exception` for a provider call that threw. */
export type ModelCallOutcome = 'ok' | ProviderFailureKind | 'exception';

export interface Metrics {
  readonly registry: Registry;
  /** review_router_reviews_total{tier,outcome}: ledger rows. */
  readonly reviews: Counter<'tier' | 'outcome'>;
  /** review_router_tokens_total{provider,model,kind} */
  readonly tokens: Counter<'provider' | 'model' | 'kind'>;
  /** review_router_cost_usd_total{tier,provider,model} */
  readonly costUsd: Counter<'tier' | 'provider' | 'model'>;
  /** review_router_finding_outcomes_total{tier,outcome}: findings settled at close. */
  readonly findingOutcomes: Counter<'tier' | 'outcome'>;
  /** review_router_queue_depth: jobs waiting, read from the queue at each scrape. */
  readonly queueDepth: Gauge;
  readonly queueUp: Gauge;
  /** review_router_budget_alerts_total{share}: budget alerts raised (each once per repository and month). */
  readonly budgetAlerts: Counter<'share'>;
  /** review_router_model_latency_seconds{provider,model,outcome} */
  readonly modelLatency: Histogram<'provider' | 'model' | 'outcome'>;
}
