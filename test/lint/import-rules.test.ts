/**
 * The import rule is only worth having if it fires: each case lints one import line as if it
 * stood in a file of that folder, with the rule exactly as `npm run lint` configures it.
 */
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

const lintImport = async (file: string, statement: string): Promise<string[]> => {
  const config = (await eslint.calculateConfigForFile(file)) as {
    rules?: Record<string, unknown>;
  };
  const rule = config.rules?.['no-restricted-imports'];
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    `${statement}\n`,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        rules: rule ? { 'no-restricted-imports': rule as Linter.RuleEntry } : {},
      },
    ],
    { filename: file },
  );
  return messages.map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
};

describe('the import rule', () => {
  it.each([
    [
      'src/worker/process-review-job.ts',
      "import { createSqliteQueue } from '../queue/sqlite/sqlite-queue.js';",
    ],
    ['src/worker/process-review-job.ts', "import { Queue } from 'bullmq';"],
    ['src/intake/register-intake.ts', "import Redis from 'ioredis';"],
    ['src/intake/register-intake.ts', "import { createClient } from 'redis';"],
    ['src/review/call-model.ts', "import OpenAI from 'openai';"],
    ['src/review/call-model.ts', "import Anthropic from '@anthropic-ai/sdk';"],
    [
      'src/publish/publish-review.ts',
      "import { createOctokitGitHub } from '../github/octokit-github.js';",
    ],
    ['src/policy/load-policy.ts', "import { createAppOctokit } from '../github/app-octokit.js';"],
    ['src/report/create-report-handler.ts', "import pg from 'pg';"],
    [
      'src/report/create-report-handler.ts',
      "import { openSqliteLedger } from '../ledger/sqlite/open-sqlite-ledger.js';",
    ],
    [
      'src/metrics/create-metrics.ts',
      "import { createOpenAIProvider } from '../providers/openai-provider.js';",
    ],
    ['src/ledger/price-table.ts', "import { DatabaseSync } from 'node:sqlite';"],
    [
      'src/ledger/create-ledger-store.ts',
      "import { openPostgresLedger } from './postgres/open-postgres-ledger.js';",
    ],
    ['src/queue/job-lifecycle.ts', "import { Worker } from 'bullmq';"],
    [
      'src/queue/sqlite/sqlite-queue.ts',
      "import { createBullmqQueue } from '../bullmq/bullmq-queue.js';",
    ],
    ['src/ledger/postgres/postgres-executor.ts', "import { DatabaseSync } from 'node:sqlite';"],
    [
      'src/calibrate/calibrate-repository.ts',
      "import { createProviderFetch } from '../providers/provider-fetch.js';",
    ],
    [
      'src/classify/classify-change.ts',
      "import { DEFAULT_POLICY } from '../policy/default-policy.js';",
    ],
    ['src/route/choose-tier.ts', "import { redactSecrets } from '../secrets/redact-secrets.js';"],
    ['src/domain/policy.ts', "import type { Classification } from '../classify/types.js';"],
    [
      'src/review/build-prompt.ts',
      "import { startBackgroundCheckpoint } from '../sqlite/background-checkpoint.js';",
    ],
    [
      'src/sqlite/background-checkpoint.ts',
      "import { createCostRows } from '../ledger/create-cost-rows.js';",
    ],
  ])('refuses in %s: %s', async (file, statement) => {
    const messages = await lintImport(file, statement);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: /);
  });

  it.each([
    ['src/main.ts', "import { createSqliteQueue } from './queue/sqlite/sqlite-queue.js';"],
    ['src/app.ts', "import { createOctokitGitHub } from './github/octokit-github.js';"],
    [
      'src/cli/main.ts',
      "import { openPostgresLedger } from '../ledger/postgres/open-postgres-ledger.js';",
    ],
    ['src/queue/sqlite/sqlite-queue.ts', "import { DatabaseSync } from 'node:sqlite';"],
    ['src/queue/bullmq/bullmq-queue.ts', "import { Queue } from 'bullmq';"],
    ['src/ledger/postgres/postgres-executor.ts', "import pg from 'pg';"],
    ['src/github/octokit-github.ts', "import type { ProbotOctokit } from 'probot';"],
    ['src/providers/openai-provider.ts', "import OpenAI from 'openai';"],
    ['src/review/schema.ts', "import { zodTextFormat } from 'openai/helpers/zod';"],
    ['src/worker/process-review-job.ts', "import type { JobQueue } from '../queue/types.js';"],
    ['src/route/choose-tier.ts', "import { matchPaths } from '../classify/match-paths.js';"],
    ['src/sqlite/checkpoint-thread.ts', "import { DatabaseSync } from 'node:sqlite';"],
    [
      'src/ledger/sqlite/open-sqlite-ledger.ts',
      "import { startBackgroundCheckpoint } from '../../sqlite/background-checkpoint.js';",
    ],
    [
      'src/queue/sqlite/sqlite-job-store.ts',
      "import { startBackgroundCheckpoint } from '../../sqlite/background-checkpoint.js';",
    ],
    [
      'src/ledger/sqlite-ledger.ts',
      "import { openSqliteLedger } from './sqlite/open-sqlite-ledger.js';",
    ],
  ])('allows in %s: %s', async (file, statement) => {
    expect(await lintImport(file, statement)).toEqual([]);
  });
});
