/** Composition root of the `review-router` command line. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../domain/errors.js';
import type { Env } from '../env.js';
import { CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io.js';
import { addCalibrateCommand } from './add-calibrate-command.js';
import { addFindingsCommand } from './add-findings-command.js';
import { cliSettings, readMaxInputTokens, readPrices, type CliSettings } from './cli-settings.js';

const DEFAULT_PORT = 3000;

/** The package's version, from its package.json (two folders up from src/cli and dist/cli). */
const packageVersion = (): string => {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
};

const EXIT_STATUS_HELP = `
Exit status: 0 done; 1 the answer is no (policy check found problems) or something failed;
2 the command cannot run as given (an option, an input file or the environment is wrong).

Every command reads its settings as the app does: the shell's variables with ./.env over them.`;

/**
 * The `review-router` program over the process's settings. Each command's module is loaded when
 * that command runs, so one command does not pay for the others' imports (the ledger drivers, the
 * calibration's git plumbing, the report templates, the environment's schema).
 */
export const buildProgram = (io: CliIo, settings: CliSettings): Command => {
  const program = new Command('review-router')
    .description('Route pull requests to the review they deserve, and account for what it costs.')
    .version(packageVersion(), '-V, --version', 'print the version of review-router')
    .addHelpText('after', EXIT_STATUS_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });

  program
    .command('classify')
    .description('classify patch files offline: size, risk, route and cost estimate')
    .argument(
      '[diff-files...]',
      'unified diffs (git diff, git show, git format-patch); - reads stdin. A format-patch of several commits is refused when two of them change the same file: classify git diff FIRST^..LAST instead',
    )
    .option('--policy <file>', 'a .github/review-router.yml to apply instead of the defaults')
    .option('--json', 'one JSON object per file, one per line')
    .option(
      '--git-dir <path>',
      "with --commit: the repository, a work tree, .git or bare directory (default: the current directory's)",
    )
    .option('--commit <sha>', 'classify this commit of --git-dir, with the history before it')
    .action(async (files: string[], options: ClassifyFlags) => {
      const { runClassifyCommand } = await import('./classify-command.js');
      // Offline: classify reads PRICES_FILE and MAX_INPUT_TOKENS, not the app's whole environment.
      const variables = settings.variables();
      const prices = await readPrices(variables.PRICES_FILE);
      await runClassifyCommand({
        files,
        policyFile: options.policy,
        json: options.json === true,
        prices,
        maxInputTokens: readMaxInputTokens(variables.MAX_INPUT_TOKENS),
        io,
        gitDir: options.gitDir,
        commit: options.commit,
      });
    });

  program
    .command('costs')
    .description(
      'what every review cost, from the ledger (DATABASE_URL, else DATA_DIR/ledger.sqlite)',
    )
    .option('--repo <owner/name>', 'only this repository')
    .option('--since <date>', 'only reviews started on or after this date (inclusive)')
    .option('--until <date>', 'only reviews started before this date (exclusive)')
    .option(
      '--limit <n>',
      'only the newest N reviews (before any --group-by); the table shows 50 unless told',
    )
    .option('--group-by <keys>', 'comma-separated: repo, month, tier, provider')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (options: CostsFlags) => {
      const env = await settings.env();
      const { runCostsCommand } = await import('./costs-command.js');
      const { locateLedger } = await import('./ledger-location.js');
      await runCostsCommand({
        locateLedger: () => locateLedger(env),
        repo: options.repo,
        since: options.since,
        until: options.until,
        limit: options.limit,
        groupBy: options.groupBy,
        format: options.format,
        io,
      });
    });

  addFindingsCommand(program, io, settings);

  program
    .command('policy')
    .description('work with a .github/review-router.yml policy file')
    .command('check')
    .description(
      'validate a policy offline, with the located messages of the check run; exit 1 when invalid',
    )
    .argument('<file>', 'the repository policy file, such as .github/review-router.yml')
    .option(
      '--org-file <file>',
      "the file FILE's _extends names (such as the org's .github repository's review-router.yml): checked under FILE as the app layers it",
    )
    .action(async (file: string, options: { orgFile?: string }) => {
      const { runPolicyCheckCommand } = await import('./policy-check-command.js');
      const prices = await readPrices(settings.variables().PRICES_FILE);
      await runPolicyCheckCommand({ file, orgFile: options.orgFile, prices, io });
    });

  program
    .command('prompt')
    .description(
      'print the exact prompt a tier would get for one commit of a local repository, and what its code context holds and why',
    )
    .option(
      '--git-dir <path>',
      'the repository: a work tree, a folder in one, .git or a bare directory',
    )
    .option('--commit <sha>', 'the commit to review against its first parent')
    .option('--tier <tier>', 'fast or deep (default: the tier routing chooses)')
    .option('--policy <file>', 'a .github/review-router.yml to apply instead of the defaults')
    .option(
      '--json',
      'one JSON object: the prompt, its token counts, its context and what was left out',
    )
    .action(async (options: PromptFlags) => {
      const { runPromptCommand } = await import('./prompt-command.js');
      // Offline, as classify: PRICES_FILE and MAX_INPUT_TOKENS, not the app's whole environment.
      const variables = settings.variables();
      await runPromptCommand({
        gitDir: options.gitDir,
        commit: options.commit,
        tier: options.tier,
        policyFile: options.policy,
        json: options.json === true,
        prices: await readPrices(variables.PRICES_FILE),
        maxInputTokens: readMaxInputTokens(variables.MAX_INPUT_TOKENS),
        io,
      });
    });

  program
    .command('report-link')
    .description(
      'print a signed link to a report page that opens without the bearer token until it expires (needs REPORT_TOKEN)',
    )
    .option(
      '--path <path>',
      'the report and its filters, such as /reports?repo=acme/api',
      '/reports',
    )
    .option('--expires <duration>', 'how long the link holds: 30m, 12h, 7d, 2w', '7d')
    .option(
      '--base-url <url>',
      'where people reach the app (there is no setting for its public URL); default http://localhost:$PORT',
    )
    .action(async (options: { path?: string; expires?: string; baseUrl?: string }) => {
      const env = await settings.env();
      const defaultBaseUrl = `http://localhost:${env.PORT ?? DEFAULT_PORT}`;
      const { runReportLinkCommand } = await import('./report-link-command.js');
      runReportLinkCommand({
        token: env.REPORT_TOKEN,
        path: options.path,
        expires: options.expires,
        baseUrl: options.baseUrl ?? defaultBaseUrl,
        now: new Date(),
        io,
      });
    });

  addCalibrateCommand(program, io, settings);
  return program;
};

interface ClassifyFlags {
  policy?: string;
  json?: boolean;
  gitDir?: string;
  commit?: string;
}

interface CostsFlags {
  repo?: string;
  since?: string;
  until?: string;
  limit?: string;
  groupBy?: string;
  format?: string;
}

interface PromptFlags {
  gitDir?: string;
  commit?: string;
  tier?: string;
  policy?: string;
  json?: boolean;
}

/** Commander's own verdicts: help and version asked for are done; anything else is a usage error. */
const commanderExitCode = (error: CommanderError): number =>
  error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
    ? EXIT_OK
    : EXIT_USAGE;

/**
 * Runs the CLI and returns its exit code. `env` is the environment to run with: by default the
 * process's variables with ./.env over them, as the app reads them. Tests pass the parsed Env or
 * plain variables, which are validated as the app validates them, without ./.env. A command
 * validates the environment when it runs (`CliSettings`), so --help and --version need none.
 */
export const runCli = async (
  argv: readonly string[],
  io: CliIo,
  env?: Env | NodeJS.ProcessEnv,
): Promise<number> => {
  try {
    await buildProgram(io, cliSettings(env)).parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    io.err(`review-router: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof CliError) return error.exitCode;
    if (error instanceof ConfigError) return EXIT_USAGE;
    return EXIT_FAILED;
  }
};
