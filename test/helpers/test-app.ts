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
import { loadPriceTable } from '../../src/ledger/price-table.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import { createAnthropicProvider } from '../../src/providers/anthropic-provider.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
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
}

export const startTestApp = async (options: TestAppOptions = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'review-router-test-'));
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
    prices: loadPriceTable(),
    providers: {
      openai: createOpenAIProvider({ client: options.clients?.openai ?? openAITestClient() }),
      anthropic: createAnthropicProvider({
        client: options.clients?.anthropic ?? anthropicTestClient(),
      }),
    },
    reportToken: options.reportToken,
    limits: options.limits ?? DEFAULT_LIMITS,
    ...(options.now ? { now: options.now } : {}),
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
