/** The `findings` command's options, and how they reach runFindingsCommand. */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import type { CliSettings } from './cli-settings.js';

export const addFindingsCommand = (program: Command, io: CliIo, settings: CliSettings): void => {
  program
    .command('findings')
    .description(
      'what became of each posted finding (acted on, dismissed, no signal, open) and what it cost',
    )
    .option('--repo <owner/name>', 'only this repository')
    .option('--since <date>', 'only findings posted on or after this date (inclusive)')
    .option('--until <date>', 'only findings posted before this date (exclusive)')
    .option('--group-by <keys>', 'comma-separated: tier, model, category, severity, repo')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--suggest', 'policy changes the evidence supports, as snippets to paste')
    .action(async (options: FindingsFlags) => {
      const env = await settings.env();
      const { runFindingsCommand } = await import('./findings-command.js');
      const { locateLedger } = await import('./ledger-location.js');
      await runFindingsCommand({ locateLedger: () => locateLedger(env), ...options, io });
    });
};

interface FindingsFlags {
  repo?: string;
  since?: string;
  until?: string;
  groupBy?: string;
  format?: string;
  suggest?: boolean;
}
