/** The Probot application function: intake, the worker loop and the report routes, wired to adapters. */
import type { ApplicationFunction } from 'probot';
import type { Log } from './domain/log.js';
import type { ProviderId } from './domain/policy.js';
import { createOctokitGitHub } from './github/octokit-github.js';
import { registerIntake } from './intake/register-intake.js';
import type { PriceTable } from './ledger/price-table.js';
import type { LedgerStore } from './ledger/types.js';
import { createMetrics } from './metrics/create-metrics.js';
import { createMetricsHandler } from './metrics/create-metrics-handler.js';
import type { Metrics } from './metrics/types.js';
import { withLedgerMetrics } from './metrics/with-ledger-metrics.js';
import { withProvidersMetrics } from './metrics/with-provider-metrics.js';
import type { ModelProvider } from './providers/types.js';
import type { JobQueue } from './queue/types.js';
import { createReportHandler } from './report/create-report-handler.js';
import { processReviewJob, type WorkerDeps } from './worker/process-review-job.js';
import { reportDeadLetter } from './worker/report-dead-letter.js';
import { DEFAULT_LIMITS, type ReviewLimits } from './worker/types.js';

export interface AppDeps {
  readonly queue: JobQueue;
  readonly ledger: LedgerStore;
  readonly prices: PriceTable;
  readonly providers: Partial<Record<ProviderId, ModelProvider>>;
  readonly reportToken?: string | undefined;
  /** Guards `GET /metrics`; REPORT_TOKEN when unset. */
  readonly metricsToken?: string | undefined;
  /** Defaults to a registry of its own with the queue's depth. */
  readonly metrics?: Metrics;
  readonly limits?: ReviewLimits;
  readonly now?: () => Date;
  /** What the composition root wants said once at start-up. */
  readonly startup?: {
    readonly ledger: string;
    readonly queue: string;
    readonly warnings: readonly string[];
  };
}

export const createApp =
  (deps: AppDeps): ApplicationFunction =>
  (app, { addHandler }) => {
    const now = deps.now ?? (() => new Date());
    const log = app.log as unknown as Log;
    const metrics = deps.metrics ?? createMetrics({ queue: deps.queue });
    const ledger = withLedgerMetrics(deps.ledger, metrics);
    const providers = withProvidersMetrics(deps.providers, metrics);
    registerIntake(app, deps.queue, now);
    const worker: WorkerDeps = {
      github: async (installationId) => createOctokitGitHub(await app.auth(installationId)),
      providers,
      ledger,
      prices: deps.prices,
      log,
      limits: deps.limits ?? DEFAULT_LIMITS,
      now,
    };
    deps.queue.start((job, signal) => processReviewJob(job, worker, signal), {
      log,
      onDeadLetter: (job, error) => reportDeadLetter(job, error, worker),
    });
    addHandler(createReportHandler({ ledger: deps.ledger, token: deps.reportToken }));
    addHandler(createMetricsHandler({ metrics, token: deps.metricsToken ?? deps.reportToken }));
    if (deps.startup) {
      const { warnings, ...where } = deps.startup;
      log.info(
        { ...where, providers: Object.keys(deps.providers), prices: deps.prices.version },
        'review-router started',
      );
      for (const warning of warnings) log.warn({}, warning);
    }
  };
