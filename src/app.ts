/**
 * The app's two parts, wired to adapters: the web part (intake, the report routes and /metrics)
 * and the worker part (the review loop on the queue). `createApp` runs both in one Probot app
 * (ROLE=all), `createWebApp` only the first (ROLE=web); a worker process (ROLE=worker) calls
 * `startReviewWorker` itself, with no webhook server.
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from 'probot';
import type { Log } from './domain/log.js';
import type { ProviderId } from './domain/policy.js';
import { createCodeCache } from './context/cache-code-source.js';
import { createOctokitGitHub } from './github/octokit-github.js';
import { enqueueWithin } from './intake/enqueue-within.js';
import { registerFeedbackIntake } from './intake/register-feedback-intake.js';
import { registerIntake } from './intake/register-intake.js';
import type { PriceTable } from './ledger/price-table.js';
import type { ReportQueries } from './ledger/report-queries.js';
import type { LedgerStore } from './ledger/types.js';
import { createMetrics } from './metrics/create-metrics.js';
import { createMetricsHandler } from './metrics/create-metrics-handler.js';
import type { Metrics } from './metrics/types.js';
import { withFeedbackMetrics } from './metrics/with-feedback-metrics.js';
import { withLedgerMetrics } from './metrics/with-ledger-metrics.js';
import { withProvidersMetrics } from './metrics/with-provider-metrics.js';
import type { BatchProvider } from './providers/batch-types.js';
import type { ModelProvider } from './providers/types.js';
import { exponentialBackoff } from './queue/exponential-backoff.js';
import type { JobQueue } from './queue/types.js';
import { createReportHandler } from './report/create-report-handler.js';
import { reportQueriesFromRows } from './report/report-queries-from-rows.js';
import type { WorkerDeps } from './worker/process-review-job.js';
import { runJob } from './worker/run-job.js';
import { reportDeadLetter } from './worker/report-dead-letter.js';
import { DEFAULT_LIMITS, type ReviewLimits } from './worker/types.js';

/** What the composition root wants said once at start-up. */
export interface StartupReport {
  readonly role?: 'all' | 'web' | 'worker';
  readonly ledger: string;
  readonly queue: string;
  readonly warnings: readonly string[];
}

/** What the web part needs: the queue to enqueue on, the ledger its reports read. */
export interface WebAppDeps {
  readonly queue: JobQueue;
  readonly ledger: LedgerStore;
  /** What the report routes read (main.ts: a thread on SQLite); else the ledger, in process. */
  readonly reports?: ReportQueries | undefined;
  readonly reportToken?: string | undefined;
  /** Guards `GET /metrics`; REPORT_TOKEN when unset. */
  readonly metricsToken?: string | undefined;
  /** Defaults to a registry of its own with the queue's depth. */
  readonly metrics?: Metrics;
  readonly now?: () => Date;
  readonly startup?: StartupReport;
  /** How long intake waits for the queue to take a job before the webhook fails (5 s). */
  readonly enqueueTimeoutMs?: number;
}

/** Batch reviews: each provider's batch API, and how long to wait before each poll. */
export interface BatchOptions {
  readonly batchProviders?: Partial<Record<ProviderId, BatchProvider>> | undefined;
  /** Before poll n (1-based); default 30 s doubling to 30 min. */
  readonly batchPollMs?: ((poll: number) => number) | undefined;
}

export interface AppDeps extends WebAppDeps, BatchOptions {
  readonly prices: PriceTable;
  readonly providers: Partial<Record<ProviderId, ModelProvider>>;
  readonly limits?: ReviewLimits;
}

export interface ReviewWorkerDeps extends BatchOptions {
  readonly queue: JobQueue;
  readonly ledger: LedgerStore;
  readonly prices: PriceTable;
  readonly providers: Partial<Record<ProviderId, ModelProvider>>;
  readonly metrics: Metrics;
  readonly log: Log;
  /** An installation-authenticated Octokit: Probot's `auth`, with or without a webhook server. */
  readonly auth: (installationId: number) => ReturnType<Probot['auth']>;
  readonly limits?: ReviewLimits | undefined;
  readonly now?: (() => Date) | undefined;
}

const DEFAULT_BATCH_POLL_MS = exponentialBackoff({
  baseMs: 30_000,
  maxMs: 30 * 60_000,
  jitter: 0.1,
});

/** Takes review jobs from the queue and runs each through the pipeline, counted in `metrics`. */
export const startReviewWorker = (deps: ReviewWorkerDeps): void => {
  const worker: WorkerDeps = {
    github: async (installationId) => createOctokitGitHub(await deps.auth(installationId)),
    providers: withProvidersMetrics(deps.providers, deps.metrics),
    ledger: withFeedbackMetrics(withLedgerMetrics(deps.ledger, deps.metrics), deps.metrics),
    prices: deps.prices,
    log: deps.log,
    limits: deps.limits ?? DEFAULT_LIMITS,
    now: deps.now ?? (() => new Date()),
    enqueue: (job) => deps.queue.enqueue(job),
    ...(deps.batchProviders === undefined
      ? {}
      : {
          batches: {
            providers: deps.batchProviders,
            schedule: (job, delayMs) => deps.queue.enqueue(job, { delayMs }),
            pollDelayMs: deps.batchPollMs ?? DEFAULT_BATCH_POLL_MS,
          },
        }),
    codeCache: createCodeCache(),
  };
  deps.queue.start((job, signal) => runJob(job, worker, signal), {
    log: deps.log,
    onDeadLetter: (job, error) => reportDeadLetter(job, error, worker),
  });
};

/** Says once where the process keeps its data and what it is missing. */
export const logStarted = (log: Log, startup: StartupReport, details: object): void => {
  const { warnings, ...where } = startup;
  log.info({ ...where, ...details }, 'review-router started');
  for (const warning of warnings) log.warn({}, warning);
};

const registerWeb = (
  app: Probot,
  { addHandler }: ApplicationFunctionOptions,
  deps: WebAppDeps,
  metrics: Metrics,
): void => {
  // A webhook fails rather than be answered while its job waits in memory for the queue.
  const intakeQueue = enqueueWithin(deps.queue, deps.enqueueTimeoutMs);
  registerIntake(app, intakeQueue, deps.now ?? (() => new Date()), deps.ledger);
  registerFeedbackIntake(app, {
    queue: intakeQueue,
    feedback: deps.ledger,
    now: deps.now ?? (() => new Date()),
  });
  const reports = deps.reports ?? reportQueriesFromRows(deps.ledger);
  addHandler(createReportHandler({ reports, token: deps.reportToken }));
  addHandler(createMetricsHandler({ metrics, token: deps.metricsToken ?? deps.reportToken }));
};

/** ROLE=web: verifies and enqueues webhooks, serves the report routes and /metrics; no review. */
export const createWebApp =
  (deps: WebAppDeps): ApplicationFunction =>
  (app, options) => {
    registerWeb(app, options, deps, deps.metrics ?? createMetrics({ queue: deps.queue }));
    if (deps.startup) logStarted(app.log, deps.startup, {});
  };

/** ROLE=all: the web part and the worker part in one process, sharing one metrics registry. */
export const createApp =
  (deps: AppDeps): ApplicationFunction =>
  (app, options) => {
    const log = app.log as unknown as Log;
    const metrics = deps.metrics ?? createMetrics({ queue: deps.queue });
    registerWeb(app, options, deps, metrics);
    startReviewWorker({
      ...deps,
      metrics,
      log,
      auth: (installationId) => app.auth(installationId),
    });
    if (deps.startup)
      logStarted(log, deps.startup, {
        providers: Object.keys(deps.providers),
        prices: deps.prices.version,
      });
  };
