/** Composition root of the `review-router` command line. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { loadPriceTable } from '../ledger/price-table.js';
import { openPostgresLedger } from '../ledger/postgres-ledger.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import type { LedgerStore } from '../ledger/types.js';
import { runCalibrateCommand } from './calibrate-command.js';
import { runClassifyCommand } from './classify-command.js';
import { CliError, processIo, type CliIo } from './cli-io.js';
import { runCostsCommand } from './costs-command.js';

const openLedgerForReading = (env: NodeJS.ProcessEnv): LedgerStore => {
  if (env.DATABASE_URL) return openPostgresLedger({ connectionString: env.DATABASE_URL });
  const file = join(env.DATA_DIR ?? './data', 'ledger.sqlite');
  if (!existsSync(file)) {
    throw new CliError(
      `no ledger at ${file}: start the app once (npm start), or set DATA_DIR or DATABASE_URL to where it keeps its ledger`,
    );
  }
  return openSqliteLedger({ file, readOnly: true });
};

export const buildProgram = (io: CliIo, env: NodeJS.ProcessEnv): Command => {
  const program = new Command('review-router')
    .description('Route pull requests to the review they deserve, and account for what it costs.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });

  program
    .command('classify')
    .description('classify patch files offline: size, risk, route and cost estimate')
    .argument(
      '<diff-files...>',
      'unified diffs (git diff, git show, git format-patch); - reads stdin',
    )
    .option('--policy <file>', 'a .github/review-router.yml to apply instead of the defaults')
    .option('--json', 'one JSON object per file, one per line')
    .action(async (files: string[], options: { policy?: string; json?: boolean }) => {
      await runClassifyCommand({
        files,
        policyFile: options.policy,
        json: options.json === true,
        prices: loadPriceTable({ overridePath: env.PRICES_FILE }),
        io,
      });
    });

  program
    .command('costs')
    .description(
      'what every review cost, from the ledger (DATABASE_URL, else DATA_DIR/ledger.sqlite)',
    )
    .option('--repo <owner/name>', 'only this repository')
    .option('--since <date>', 'only reviews started on or after this date')
    .option('--group-by <keys>', 'comma-separated: repo, month, tier')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(
      async (options: { repo?: string; since?: string; groupBy?: string; format?: string }) => {
        const ledger = openLedgerForReading(env);
        try {
          await runCostsCommand({
            ledger,
            repo: options.repo,
            since: options.since,
            groupBy: options.groupBy,
            format: options.format,
            io,
          });
        } finally {
          await ledger.close();
        }
      },
    );
  program
    .command('calibrate')
    .description(
      "measure the risk score on a repository's history (SZZ) and suggest risk.levels for a deep rate",
    )
    .requiredOption(
      '--git-dir <path>',
      'the repository: a work tree, a .git directory or a bare one',
    )
    .option('--since <date>', 'only commits on or after this date')
    .option('--deep-rate <share>', 'the share of changes the deep tier should take', '0.2')
    .option('--max-commits <n>', 'measure at most this many commits, the newest eligible', '5000')
    .option('--policy <file>', 'a .github/review-router.yml to score with instead of the defaults')
    .option('--json', 'one JSON object with the figures and the suggested levels')
    .option('--report <file.html>', 'also write a self-contained HTML report with the curves')
    .action(async (options: CalibrateFlags) => {
      await runCalibrateCommand({
        gitDir: options.gitDir,
        since: options.since,
        deepRate: options.deepRate,
        maxCommits: options.maxCommits,
        policyFile: options.policy,
        json: options.json === true,
        report: options.report,
        io,
      });
    });
  return program;
};

interface CalibrateFlags {
  gitDir: string;
  since?: string;
  deepRate?: string;
  maxCommits?: string;
  policy?: string;
  json?: boolean;
  report?: string;
}

/** Runs the CLI and returns its exit code. */
export const runCli = async (
  argv: readonly string[],
  io: CliIo = processIo,
  env = process.env,
): Promise<number> => {
  try {
    await buildProgram(io, env).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`review-router: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
};
