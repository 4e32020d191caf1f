/**
 * The environment the app and the CLI commands that need it read, validated once at start-up.
 * `./.env` is applied over the shell's variables, as Probot applies it when it starts, so that a
 * value in `.env` wins everywhere.
 */
import { z } from 'zod';
import { ConfigError } from './domain/errors.js';
import { formatDuration } from './domain/format-duration.js';
import { blankAsUnset, withDotEnv } from './env-variables.js';
import { DEFAULT_LIMITS, MIN_INPUT_TOKENS } from './worker/types.js';

export { withDotEnv } from './env-variables.js';

const optionalText = z.string().optional().transform(blankAsUnset);

/** A whole number from the environment; blank is unset, as for every other variable. */
const optionalInt = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  optionalText.pipe(z.coerce.number<string | undefined>().int().min(min).max(max).optional());

const port = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))
  .pipe(
    z
      .string()
      .regex(/^\d+$/, 'expected a port number from 1 to 65535')
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, 'expected a port number from 1 to 65535')
          .max(65_535, 'expected a port number from 1 to 65535'),
      )
      .optional(),
  );

export const Env = z.object({
  /**
   * Which part of the app this process runs: `all` (one process takes webhooks and runs reviews),
   * `web` (takes webhooks, serves reports and metrics) or `worker` (runs the queued reviews).
   */
  ROLE: optionalText.pipe(
    z.enum(['all', 'web', 'worker'], 'expected all (the default), web or worker').default('all'),
  ),
  APP_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, "expected the GitHub App's numeric id (the App ID on its settings page)")
      .optional(),
  ),
  PRIVATE_KEY: optionalText,
  PRIVATE_KEY_PATH: optionalText,
  WEBHOOK_SECRET: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText,
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalText,
  /** Azure OpenAI (the openai package's AzureOpenAI): the resource's key, endpoint, API version. */
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_ENDPOINT: optionalText,
  OPENAI_API_VERSION: optionalText,
  /** Claude on Amazon Bedrock: the region, and a Bedrock API key or the AWS credential chain. */
  AWS_REGION: optionalText,
  AWS_BEARER_TOKEN_BEDROCK: optionalText,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  AWS_SESSION_TOKEN: optionalText,
  ANTHROPIC_BEDROCK_BASE_URL: optionalText,
  /** Claude on Google Vertex AI, with Google application default credentials. */
  CLOUD_ML_REGION: optionalText,
  ANTHROPIC_VERTEX_PROJECT_ID: optionalText,
  ANTHROPIC_VERTEX_BASE_URL: optionalText,
  /** Any Chat Completions server (Ollama, vLLM, LiteLLM, OpenRouter); the key is optional. */
  OPENAI_COMPATIBLE_BASE_URL: optionalText,
  OPENAI_COMPATIBLE_API_KEY: optionalText,
  PORT: port,
  HOST: optionalText,
  /** Probot's webhook proxy (smee.io) for a laptop; written to `.env` by the setup flow. */
  WEBHOOK_PROXY_URL: optionalText.pipe(
    z.url('expected a URL such as https://smee.io/abc123').optional(),
  ),
  /**
   * How long the process may take to stop after SIGTERM or SIGINT: running reviews get all but the
   * last 3 s of it, then are handed back to the queue. Match the orchestrator's grace period
   * (Docker: 10 s, Kubernetes: 30 s).
   */
  SHUTDOWN_TIMEOUT_MS: optionalInt(4_000, 600_000),
  LOG_LEVEL: optionalText.pipe(
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
  ),
  LOG_FORMAT: optionalText.pipe(z.enum(['pretty', 'json']).optional()),
  NODE_ENV: optionalText,
  DATABASE_URL: optionalText,
  DATA_DIR: optionalText.transform((value) => value ?? './data'),
  REDIS_URL: optionalText,
  REPORT_TOKEN: optionalText,
  METRICS_TOKEN: optionalText,
  PRICES_FILE: optionalText,
  REVIEW_CONCURRENCY: optionalInt(1, 64),
  MAX_INPUT_TOKENS: optionalInt(MIN_INPUT_TOKENS),
  /**
   * How long one model call may take (the SDK's per-request timeout); default 10 minutes. At most
   * a day: Node fires a longer timer at once.
   */
  MODEL_TIMEOUT_MS: optionalInt(1_000, 86_400_000),
  /** How long all the model calls of one review may take together; default 20 minutes. */
  REVIEW_DEADLINE_MS: optionalInt(1_000, 86_400_000),
  /** BullMQ's key prefix, so several deployments (or test runs) can share one Redis. */
  QUEUE_PREFIX: optionalText,
  /** How long a BullMQ job's locks live unrenewed: a dead replica's job moves on after ~2x this. */
  QUEUE_LOCK_MS: optionalInt(1_000),
  /**
   * How old a running review's ledger claim must be before a re-run job takes it over; longer than
   * REVIEW_DEADLINE_MS (checked below).
   */
  CLAIM_LEASE_MS: optionalInt(1_000),
  /**
   * `off` turns off Octokit's client-side throttling (one write per second, one review per 3 s,
   * shared by every replica through REDIS_URL): for a GitHub Enterprise Server without secondary
   * rate limits, or a fake GitHub in tests.
   */
  GITHUB_THROTTLE: optionalText.pipe(z.enum(['on', 'off']).optional()),
  /** GitHub Enterprise Server's API protocol (Probot's name), with GHE_HOST. */
  GHE_PROTOCOL: optionalText.pipe(
    z.enum(['http', 'https'], 'expected https (the default) or http').optional(),
  ),
});
export type Env = z.infer<typeof Env>;

/**
 * Any GitHub credential is set: run the app, and refuse to start if one is missing or unusable.
 * Only with none of them does Probot serve its setup page.
 */
export const hasAppCredentials = (env: Env): boolean =>
  env.APP_ID !== undefined || env.PRIVATE_KEY !== undefined || env.PRIVATE_KEY_PATH !== undefined;

/**
 * Web and worker processes meet only through the shared queue and ledger, and serve no setup page:
 * they need Redis, Postgres and the app's credentials.
 */
const checkRole = (env: Env): void => {
  if (env.ROLE === 'all') return;
  const missing = (['REDIS_URL', 'DATABASE_URL'] as const).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `ROLE=${env.ROLE} needs REDIS_URL and DATABASE_URL, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: web and worker processes share the queue (Redis) and the ledger (Postgres). To resolve, set REDIS_URL and DATABASE_URL for every web and worker process, or unset ROLE to run one process that does everything on the embedded queue and ledger.`,
      { variable: 'ROLE' },
    );
  }
  if (!hasAppCredentials(env)) {
    throw new ConfigError(
      `ROLE=${env.ROLE} needs the GitHub App's credentials, and none of APP_ID, PRIVATE_KEY and PRIVATE_KEY_PATH is set: only ROLE=all serves the setup page. To resolve, set APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) of the registered app, or run one process with ROLE unset to register the app first.`,
      { variable: 'ROLE' },
    );
  }
};

export const parseEnv = (source: NodeJS.ProcessEnv): Env => {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(
      `${variable}: ${issue?.message ?? 'invalid'}. To resolve, fix ${variable} and restart.`,
      { variable },
    );
  }
  const env = parsed.data;
  checkRole(env);
  if (hasAppCredentials(env) && env.WEBHOOK_SECRET === undefined && env.ROLE !== 'worker') {
    throw new ConfigError(
      'WEBHOOK_SECRET is not set. To resolve, set it to the webhook secret of your GitHub App: without it anyone could send the app fake pull requests.',
      { variable: 'WEBHOOK_SECRET' },
    );
  }
  const lease = env.CLAIM_LEASE_MS;
  const deadline = env.REVIEW_DEADLINE_MS ?? DEFAULT_LIMITS.reviewDeadlineMs;
  if (lease !== undefined && lease <= deadline) {
    const which =
      env.REVIEW_DEADLINE_MS === undefined ? "REVIEW_DEADLINE_MS's default" : 'REVIEW_DEADLINE_MS';
    throw new ConfigError(
      `CLAIM_LEASE_MS (${lease}, ${formatDuration(lease)}) is not longer than ${which} (${deadline}, ${formatDuration(deadline)}): a review still within its deadline would look crashed, and a redelivered webhook could review the same commit again. To resolve, raise CLAIM_LEASE_MS above REVIEW_DEADLINE_MS by at least one model timeout, lower REVIEW_DEADLINE_MS, or unset CLAIM_LEASE_MS: its default follows the deadline.`,
      { variable: 'CLAIM_LEASE_MS' },
    );
  }
  return env;
};

/** The one way the app and every command read their settings: the shell, then `./.env` over it. */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Env =>
  parseEnv(withDotEnv(source, cwd));
