/**
 * ROLE=worker: runs review jobs from the shared queue and answers only `/ping` and `/metrics`. It
 * acts as the GitHub App through Probot's `Probot` class (installation tokens, the app's Octokit
 * with its retry and throttling plugins, throttling shared through REDIS_URL), with no webhook
 * server, so it needs no WEBHOOK_SECRET. It runs at a lower CPU priority than the web role
 * (yield-cpu-to-intake.ts), so webhooks are acknowledged first on a shared host.
 */
import type { Logger } from 'pino';
import { Probot, type ProbotOctokit } from 'probot';
import { logStarted, startReviewWorker, type AppDeps, type StartupReport } from '../app.js';
import type { Log } from '../domain/log.js';
import { createMetrics } from '../metrics/create-metrics.js';
import { createMetricsHandler } from '../metrics/create-metrics-handler.js';
import type { AppCredentials } from './read-app-credentials.js';
import { serveWorkerHttp, type WorkerHttpServer } from './serve-worker-http.js';
import { yieldCpuToIntake } from './yield-cpu-to-intake.js';

export interface WorkerRoleOptions extends Omit<AppDeps, 'reportToken' | 'startup'> {
  readonly credentials: AppCredentials;
  /** The environment Probot reads: HOST, PORT, GHE_HOST, GHE_PROTOCOL, REDIS_URL. */
  readonly env: NodeJS.ProcessEnv;
  readonly Octokit: typeof ProbotOctokit;
  readonly log: Logger;
  readonly startup: StartupReport;
}

/** Where the GitHub API is, as Probot reads it: GHE_HOST and GHE_PROTOCOL, else github.com. */
export const githubApiUrl = (env: NodeJS.ProcessEnv): string =>
  env.GHE_HOST
    ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3`
    : 'https://api.github.com';

export const startWorkerRole = async (options: WorkerRoleOptions): Promise<WorkerHttpServer> => {
  const probot = new Probot({
    appId: options.credentials.appId,
    privateKey: options.credentials.privateKey,
    baseUrl: githubApiUrl(options.env),
    ...(options.env.REDIS_URL ? { redisConfig: options.env.REDIS_URL } : {}),
    log: options.log,
    Octokit: options.Octokit,
  });
  await probot.ready();
  const log = probot.log as unknown as Log;
  const metrics = options.metrics ?? createMetrics({ queue: options.queue });
  startReviewWorker({ ...options, metrics, log, auth: (id) => probot.auth(id) });
  const server = await serveWorkerHttp({
    host: options.env.HOST || 'localhost',
    port: Number(options.env.PORT) || 3000,
    handlers: [createMetricsHandler({ metrics, token: options.metricsToken })],
    log,
  });
  logStarted(log, options.startup, {
    providers: Object.keys(options.providers),
    prices: options.prices.version,
    niceness: yieldCpuToIntake(),
  });
  return server;
};
