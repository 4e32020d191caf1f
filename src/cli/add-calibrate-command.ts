/** The `calibrate` command's options, and how they reach runCalibrateCommand. */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { readMaxInputTokens, readPrices, type CliSettings } from './cli-settings.js';

export const addCalibrateCommand = (program: Command, io: CliIo, settings: CliSettings): void => {
  program
    .command('calibrate')
    .description(
      "measure the risk score on a repository's history (SZZ) and suggest risk.levels for a deep rate",
    )
    .option(
      '--git-dir <path>',
      "the repository: a work tree, a .git directory or a bare one (default: the current directory's)",
    )
    .option('--since <date>', 'only commits on or after this date')
    .option(
      '--deep-rate <share>',
      'suggest levels for this share of changes on the deep tier (default 0.2 without --target-cost)',
    )
    .option(
      '--target-cost <share>',
      'suggest the levels that route the most changes deep within this share of the all-deep cost',
    )
    .option('--max-commits <n>', 'measure at most this many commits, the newest eligible', '5000')
    .option('--policy <file>', 'a .github/review-router.yml to score with instead of the defaults')
    .option('--json', 'one JSON object with the figures and the suggested levels')
    .option('--report <file.html>', 'also write a self-contained HTML report with the curves')
    .option('--history', 'score each commit with the history before it, as the app does')
    .option(
      '--index-history',
      "write the repository's history (HEAD: run it on the default branch) into the app's history index (DATABASE_URL, else DATA_DIR/ledger.sqlite): the history from before the app was installed",
    )
    .option('--repo <owner/name>', "with --index-history: its GitHub name (default: origin's)")
    .action(async (options: CalibrateFlags) => {
      // PRICES_FILE and MAX_INPUT_TOKENS; the app's whole environment only to write the history
      // index into its ledger.
      const variables = settings.variables();
      const ledgerEnv = options.indexHistory === true ? await settings.env() : null;
      const { runCalibrateCommand } = await import('./calibrate-command.js');
      const { openLedgerForWriting } = await import('./ledger-location.js');
      await runCalibrateCommand({
        gitDir: options.gitDir,
        since: options.since,
        deepRate: options.deepRate,
        targetCost: options.targetCost,
        maxCommits: options.maxCommits,
        policyFile: options.policy,
        json: options.json === true,
        report: options.report,
        prices: await readPrices(variables.PRICES_FILE),
        maxInputTokens: readMaxInputTokens(variables.MAX_INPUT_TOKENS),
        io,
        history: options.history === true,
        indexHistory:
          ledgerEnv === null
            ? undefined
            : { repo: options.repo, openLedger: () => openLedgerForWriting(ledgerEnv) },
      });
    });
};

interface CalibrateFlags {
  gitDir?: string;
  since?: string;
  deepRate?: string;
  targetCost?: string;
  maxCommits?: string;
  policy?: string;
  json?: boolean;
  report?: string;
  history?: boolean;
  indexHistory?: boolean;
  repo?: string;
}
