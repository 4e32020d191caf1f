/** One registry per app: the review counters, queue depth, model latency and Node's process metrics. */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { settleWithin } from '../queue/settle-within.js';
import type { JobQueue } from '../queue/types.js';
import type { Metrics } from './types.js';

export interface CreateMetricsOptions {
  /** Read at each scrape for review_router_queue_depth; without it the gauge stays 0. */
  readonly queue?: Pick<JobQueue, 'depth'>;
  /** Node's default process metrics (CPU, memory, event loop); on unless false. */
  readonly processMetrics?: boolean;
  /** How long a scrape waits for the queue's depth (DEPTH_TIMEOUT_MS). */
  readonly depthTimeoutMs?: number;
}

/**
 * How often Node's event-loop delay is sampled for the `nodejs_eventloop_lag_*` metrics, in ms.
 * prom-client's default, 10 ms, wakes every process 100 times a second whatever it is doing:
 * 6-9 ms of CPU a second for an idle web or worker process on a 2-core VM, against 0-2 ms at
 * 100 ms. A block of the event loop still shows in the maximum; one shorter than this interval
 * is seen only when a sample falls in it.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

/** Model calls take seconds to minutes. */
export const MODEL_LATENCY_BUCKETS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];

/** A scrape waits this long for the queue's depth: a client waiting for Redis never answers. */
export const DEPTH_TIMEOUT_MS = 1_000;

const depthWithin = async (
  queue: Pick<JobQueue, 'depth'>,
  timeoutMs: number,
): Promise<number | null> => {
  const read = queue.depth();
  if (!(await settleWithin(read, timeoutMs))) return null;
  return read.catch(() => null);
};

export const createMetrics = (options: CreateMetricsOptions = {}): Metrics => {
  const registry = new Registry();
  // One read of the queue a scrape, shared by the two gauges that report it.
  let reading: Promise<number | null> | null = null;
  const readDepth = (queue: Pick<JobQueue, 'depth'>): Promise<number | null> =>
    (reading ??= depthWithin(queue, options.depthTimeoutMs ?? DEPTH_TIMEOUT_MS).finally(() => {
      reading = null;
    }));
  if (options.processMetrics !== false)
    collectDefaultMetrics({
      register: registry,
      eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS,
    });
  const queue = options.queue;
  return {
    registry,
    reviews: new Counter({
      name: 'review_router_reviews_total',
      help: 'Review attempts recorded in the ledger, by tier and outcome.',
      labelNames: ['tier', 'outcome'] as const,
      registers: [registry],
    }),
    tokens: new Counter({
      name: 'review_router_tokens_total',
      help: 'Tokens as each provider reported them (OpenAI input includes cached input; Anthropic input excludes cache reads and writes).',
      labelNames: ['provider', 'model', 'kind'] as const,
      registers: [registry],
    }),
    costUsd: new Counter({
      name: 'review_router_cost_usd_total',
      help: 'Dollars spent on model calls, priced from the price table.',
      labelNames: ['tier', 'provider', 'model'] as const,
      registers: [registry],
    }),
    findingOutcomes: new Counter({
      name: 'review_router_finding_outcomes_total',
      help: 'Posted findings settled when their pull request closed, by tier and outcome (acted-on, dismissed, no-signal); a finding counts again only when a later close changes its outcome.',
      labelNames: ['tier', 'outcome'] as const,
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'review_router_queue_depth',
      help: 'Review jobs waiting in the queue, not running.',
      registers: [registry],
      async collect() {
        if (!queue) return;
        const depth = await readDepth(queue);
        // An unreadable queue must not fail or hold the scrape; the gauge keeps its last value,
        // and review_router_queue_up says it could not be read.
        if (depth !== null) this.set(depth);
      },
    }),
    queueUp: new Gauge({
      name: 'review_router_queue_up',
      help: 'Whether the scrape could read the queue (1) or not (0: Redis or the database did not answer within a second).',
      registers: [registry],
      async collect() {
        if (!queue) return;
        this.set((await readDepth(queue)) === null ? 0 : 1);
      },
    }),
    budgetAlerts: new Counter({
      name: 'review_router_budget_alerts_total',
      help: "Budget alerts raised: a repository's monthly spend reached a share of budget.monthly_usd (budget.alert_at), once per month and share.",
      labelNames: ['share'] as const,
      registers: [registry],
    }),
    modelLatency: new Histogram({
      name: 'review_router_model_latency_seconds',
      help: 'Time from sending a review request to the provider to its answer or failure.',
      labelNames: ['provider', 'model', 'outcome'] as const,
      buckets: MODEL_LATENCY_BUCKETS,
      registers: [registry],
    }),
  };
};
