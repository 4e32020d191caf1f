/**
 * Composition root, started by main.ts once Node is checked: parse env, build adapters, hand them
 * to the process's role: ROLE=all (one Probot app does everything), web (Probot takes webhooks and
 * serves reports, no review) or worker (reviews from the shared queue, behind a plain HTTP server
 * for /ping and /metrics).
 */
import { join } from 'node:path';
import { run } from 'probot';
import { createApp, createWebApp } from './app.js';
import { ConfigError } from './domain/errors.js';
import { hasAppCredentials, parseEnv, withDotEnv, type Env } from './env.js';
import { createAppOctokit } from './github/app-octokit.js';
import { loadPriceTable, requireModel } from './ledger/price-table.js';
import { openPostgresLedger } from './ledger/postgres-ledger.js';
import { openPostgresReportReader } from './ledger/postgres/open-postgres-report-reader.js';
import type { ReportReader } from './ledger/report-queries.js';
import { openSqliteLedger } from './ledger/sqlite-ledger.js';
import { openSqliteReportReader } from './ledger/sqlite/open-sqlite-report-reader.js';
import type { LedgerStore } from './ledger/types.js';
import { DEFAULT_POLICY } from './policy/default-policy.js';
import { countTokens } from './review/count-tokens.js';
import { REVIEW_SYSTEM_PROMPT } from './review/review-system-prompt.js';
import { buildBatchProviders } from './startup/build-batch-providers.js';
import { createBullmqQueue } from './queue/bullmq/bullmq-queue.js';
import { createSqliteQueue } from './queue/sqlite/sqlite-queue.js';
import type { JobQueue } from './queue/types.js';
import { buildProviders, missingProviderWarnings } from './startup/build-providers.js';
import { checkPortFree } from './startup/check-port.js';
import { webhookProxyFailure } from './startup/webhook-proxy-failure.js';
import { checkPostgres } from './startup/check-postgres.js';
import { checkProviderSettings } from './startup/check-provider-settings.js';
import { createLogger } from './startup/create-logger.js';
import { readAppCredentials } from './startup/read-app-credentials.js';
import { startSetup } from './startup/start-setup.js';
import { startWorkerRole } from './startup/start-worker-role.js';
import { stopOnSignals } from './startup/stop-on-signals.js';
import { DEFAULT_LIMITS } from './worker/types.js';

/** Docker's default stop grace: SIGTERM, then SIGKILL 10 s later. */
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** What the database and the HTTP server get of the shutdown time, after the running reviews. */
const SHUTDOWN_RESERVE_MS = 3_000;

const openLedger = (env: Env): LedgerStore =>
  env.DATABASE_URL
    ? openPostgresLedger({ connectionString: env.DATABASE_URL })
    : openSqliteLedger({ file: join(env.DATA_DIR, 'ledger.sqlite'), checkpointInThread: true });

/** The report routes' reads: SQLite's on a thread of their own, so webhooks never wait for them. */
const openReports = (env: Env): ReportReader =>
  env.DATABASE_URL
    ? openPostgresReportReader({ connectionString: env.DATABASE_URL })
    : openSqliteReportReader({ file: join(env.DATA_DIR, 'ledger.sqlite') });

/** BullMQ on Redis when REDIS_URL is set (several replicas); else jobs in DATA_DIR/queue.sqlite. */
const openQueue = async (env: Env): Promise<{ queue: JobQueue; where: string }> => {
  const concurrency = env.REVIEW_CONCURRENCY ?? 2;
  const stopTimeoutMs =
    (env.SHUTDOWN_TIMEOUT_MS ?? DEFAULT_SHUTDOWN_TIMEOUT_MS) - SHUTDOWN_RESERVE_MS;
  if (env.REDIS_URL) {
    return {
      queue: await createBullmqQueue({
        connection: env.REDIS_URL,
        concurrency,
        stopTimeoutMs,
        ...(env.QUEUE_PREFIX ? { prefix: env.QUEUE_PREFIX } : {}),
        ...(env.QUEUE_LOCK_MS ? { lockMs: env.QUEUE_LOCK_MS } : {}),
        required: env.ROLE !== 'all',
      }),
      where: 'bullmq (REDIS_URL)',
    };
  }
  const file = join(env.DATA_DIR, 'queue.sqlite');
  return {
    queue: createSqliteQueue({ file, concurrency, stopTimeoutMs }),
    where: `sqlite (${file})`,
  };
};

const main = async (): Promise<void> => {
  // The shell's variables with ./.env over them, read once: parsed for us, and handed to Probot
  // as they are (port, host, webhook proxy, GHE_HOST).
  const probotEnv = withDotEnv(process.env);
  const env = parseEnv(probotEnv);
  const log = await createLogger({
    level: env.LOG_LEVEL,
    format: env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
  });
  if (!hasAppCredentials(env)) {
    // Probot serves the setup page only outside production; say so rather than its stack.
    if (env.NODE_ENV === 'production') {
      throw new ConfigError(
        'No GitHub App credential is set, and NODE_ENV=production: the setup page that registers the app is served only outside production. To resolve, set APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH) and WEBHOOK_SECRET of the registered app, or register it first with NODE_ENV unset (npm start).',
        { variable: 'NODE_ENV' },
      );
    }
    // No GitHub credential at all: Probot's setup page registers the app from app.yml.
    await startSetup({ log, env: probotEnv });
    return;
  }
  const credentials = readAppCredentials(env);
  // A web or worker replica shares the ledger: unsetting DATABASE_URL is no fix there.
  if (env.DATABASE_URL)
    await checkPostgres(env.DATABASE_URL, undefined, undefined, env.ROLE !== 'all');
  const prices = loadPriceTable({ overridePath: env.PRICES_FILE });
  const reviews = env.ROLE !== 'web';
  if (reviews) {
    checkProviderSettings(env);
    // Build the tokenizer's tables (about 0.6 s) and count the system prompt every review repeats
    // now, not in the middle of the first review while webhooks wait behind it on the event loop.
    countTokens(REVIEW_SYSTEM_PROMPT);
    for (const spec of Object.values(DEFAULT_POLICY.models))
      requireModel(prices, spec.model, spec.provider);
  }
  // Probot's port, 3000 unless PORT says otherwise; a worker's own server checks its port itself.
  if (env.ROLE !== 'worker') await checkPortFree(env.HOST, env.PORT ?? 3000);
  const ledger = openLedger(env);
  await ledger.migrate();
  // A web process only enqueues: it never starts the queue's worker.
  const { queue, where } = await openQueue(env);
  const providers = reviews
    ? buildProviders({
        env,
        modelTimeoutMs: env.MODEL_TIMEOUT_MS ?? DEFAULT_LIMITS.modelTimeoutMs,
      })
    : {};
  const batchProviders = reviews ? buildBatchProviders(env) : {};
  const Octokit = createAppOctokit({ throttle: env.GITHUB_THROTTLE !== 'off' });
  const startup = {
    role: env.ROLE,
    ledger: env.DATABASE_URL ? 'postgres' : `sqlite (${join(env.DATA_DIR, 'ledger.sqlite')})`,
    queue: where,
    warnings: reviews ? missingProviderWarnings(providers) : [],
  };
  const limits = {
    ...DEFAULT_LIMITS,
    ...(env.MAX_INPUT_TOKENS ? { maxInputTokens: env.MAX_INPUT_TOKENS } : {}),
    ...(env.MODEL_TIMEOUT_MS ? { modelTimeoutMs: env.MODEL_TIMEOUT_MS } : {}),
    ...(env.REVIEW_DEADLINE_MS ? { reviewDeadlineMs: env.REVIEW_DEADLINE_MS } : {}),
    ...(env.CLAIM_LEASE_MS ? { claimLeaseMs: env.CLAIM_LEASE_MS } : {}),
  };
  const shared = { queue, ledger, reportToken: env.REPORT_TOKEN, metricsToken: env.METRICS_TOKEN };
  const reports = env.ROLE === 'worker' ? undefined : openReports(env);
  const server =
    env.ROLE === 'worker'
      ? await startWorkerRole({
          ...shared,
          metricsToken: env.METRICS_TOKEN ?? env.REPORT_TOKEN,
          prices,
          providers,
          batchProviders,
          limits,
          credentials,
          env: probotEnv,
          Octokit,
          log,
          startup,
        })
      : await run(
          env.ROLE === 'web'
            ? createWebApp({ ...shared, reports, startup })
            : createApp({ ...shared, reports, prices, providers, batchProviders, limits, startup }),
          {
            log,
            Octokit,
            // The checked credentials, the key in the one shape Probot signs with.
            env: {
              ...probotEnv,
              APP_ID: String(credentials.appId),
              PRIVATE_KEY: credentials.privateKey,
              PRIVATE_KEY_PATH: undefined,
              WEBHOOK_SECRET: credentials.webhookSecret,
            },
          },
        ).catch((error: unknown) => {
          throw webhookProxyFailure(error, env.WEBHOOK_PROXY_URL);
        });
  stopOnSignals(log, env.SHUTDOWN_TIMEOUT_MS ?? DEFAULT_SHUTDOWN_TIMEOUT_MS, async () => {
    await server.stop(); // no new webhooks or scrapes
    await queue.stop(); // finish the running reviews or hand them back, within a bounded wait
    await reports?.close();
    await ledger.close();
  });
};

main().catch((error: unknown) => {
  // A setting the operator can fix is said in one line; anything else keeps its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
