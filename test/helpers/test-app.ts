/**
 * A real Probot app wired to a temporary SQLite ledger, the production embedded queue in its own
 * temporary file (delivery ids remembered, as in production), nock-mocked GitHub and providers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../src/app.js';
import { loadPriceTable, type PriceTable } from '../../src/ledger/price-table.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import type { Metrics } from '../../src/metrics/types.js';
import { createAnthropicBatch } from '../../src/providers/anthropic-batch.js';
import { createAnthropicProvider } from '../../src/providers/anthropic-provider.js';
import { createOpenAIBatch } from '../../src/providers/openai-batch.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import type { ModelProvider } from '../../src/providers/types.js';
import type { ProviderId } from '../../src/domain/policy.js';
import { createSqliteQueue } from '../../src/queue/sqlite/sqlite-queue.js';
import { DEFAULT_LIMITS } from '../../src/worker/types.js';
import { anthropicTestClient } from './anthropic-messages.js';
import { openAITestClient } from './openai-responses.js';

export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

export const createTestProbot = (Octokit: typeof ProbotOctokit = TestOctokit): Probot =>
  new Probot({
    githubToken: 'test',
    Octokit,
    logLevel: (process.env.TEST_LOG_LEVEL as 'fatal' | undefined) ?? 'fatal',
  });

export interface TestAppOptions {
  readonly now?: () => Date;
  readonly reportToken?: string;
  /** Default DEFAULT_LIMITS; a smaller prompt budget makes a big pull request cheap to test. */
  readonly limits?: typeof DEFAULT_LIMITS;
  /** Provider SDK clients other than the nock-facing test clients (e.g. one for a local server). */
  readonly clients?: { readonly openai?: OpenAI; readonly anthropic?: Anthropic };
  /** Default TestOctokit (no retries, no throttling); pass the app's own to test GitHub faults. */
  readonly Octokit?: typeof ProbotOctokit;
  /** The app's metrics registry, for tests that read what it counted. */
  readonly metrics?: Metrics;
  /** Where the ledger and queue files live: a second app on the same directory is a restart. */
  readonly dir?: string;
  /** Turns batch reviews on (both providers' batch APIs on the test clients), polling this often. */
  readonly batchPollMs?: (poll: number) => number;
  /** Providers beside (or instead of) the OpenAI and Anthropic test providers. */
  readonly providers?: Partial<Record<ProviderId, ModelProvider>>;
  /** Default: the shipped price table. */
  readonly prices?: PriceTable;
}

export const startTestApp = async (options: TestAppOptions = {}) => {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'review-router-test-'));
  const ledgerFile = join(dir, 'ledger.sqlite');
  const ledger = openSqliteLedger({ file: ledgerFile });
  await ledger.migrate();
  const errors: unknown[] = [];
  const queue = createSqliteQueue({
    file: join(dir, 'queue.sqlite'),
    maxAttempts: 1,
    pollMs: 20,
    onError: (_job, error) => errors.push(error),
  });
  const appFn = createApp({
    queue,
    ledger,
    prices: options.prices ?? loadPriceTable(),
    providers: {
      openai: createOpenAIProvider({ client: options.clients?.openai ?? openAITestClient() }),
      anthropic: createAnthropicProvider({
        client: options.clients?.anthropic ?? anthropicTestClient(),
      }),
      ...options.providers,
    },
    reportToken: options.reportToken,
    limits: options.limits ?? DEFAULT_LIMITS,
    ...(options.now ? { now: options.now } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.batchPollMs
      ? {
          batchPollMs: options.batchPollMs,
          batchProviders: {
            openai: createOpenAIBatch({ client: options.clients?.openai ?? openAITestClient() }),
            anthropic: createAnthropicBatch({
              client: options.clients?.anthropic ?? anthropicTestClient(),
            }),
          },
        }
      : {}),
  });
  const probot = createTestProbot(options.Octokit);
  await probot.load(appFn, { cwd: process.cwd(), addHandler: () => undefined });
  return {
    probot,
    appFn,
    queue,
    ledger,
    /** The ledger's SQLite file, for the CLI to read beside the app. */
    ledgerFile,
    errors,
    async close() {
      await queue.stop();
      await ledger.close();
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
