import { backfillHistory } from './backfill-history.js';
import type { IndexHistoryTarget } from './calibrate-command.js';
import { CliError, type CliIo } from './cli-io.js';

const OWNER_AND_NAME = /^[\w.-]+\/[\w.-]+$/;

export interface IndexHistoryOptions {
  readonly gitDir: string;
  /** The name calibrate found for the repository (its origin remote's owner/name, or a folder). */
  readonly source: string;
  readonly target: IndexHistoryTarget;
  readonly io: CliIo;
}

/** `calibrate --index-history`: the backfill, into the ledger the app reads, with progress on stderr. */
export const indexHistory = async (options: IndexHistoryOptions): Promise<void> => {
  const repo = options.target.repo ?? options.source;
  if (!OWNER_AND_NAME.test(repo)) {
    throw new CliError(
      options.target.repo === undefined
        ? `--index-history: cannot tell the repository's GitHub name (no origin remote, found "${repo}"): pass --repo OWNER/NAME`
        : `--repo ${repo}: expected OWNER/NAME, as GitHub names the repository`,
    );
  }
  const ledger = options.target.openLedger();
  try {
    await ledger.migrate();
    const written = await backfillHistory({
      gitDir: options.gitDir,
      repo,
      index: ledger,
      onProgress: (commits) => options.io.err(`calibrate: history indexed ${commits} commits`),
    });
    options.io.err(
      `calibrate: history index of ${repo}: ${written.commits} commits read, ${written.rows} new file changes recorded`,
    );
  } finally {
    await ledger.close();
  }
};
