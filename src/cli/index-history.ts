import { backfillHistory } from './backfill-history.js';
import type { IndexHistoryTarget } from './calibrate-command.js';
import { readOwnerAndName } from '../calibrate/name-repository.js';
import { runGit } from '../calibrate/run-git.js';
import { CliError, type CliIo } from './cli-io.js';

const OWNER_AND_NAME = /^[\w.-]+\/[\w.-]+$/;
/** A remote on a server (`https://…`, `ssh://…`, `git@host:…`), not a path on this machine. */
const SERVER_REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[^/\s]+@[^/\s:]+:)/i;

/**
 * The GitHub name `--index-history` writes under: `--repo`, else the origin remote's owner/name
 * when origin is a server's. Checked before calibrate reads any history, so a mistake costs
 * nothing.
 */
export const indexedRepository = async (gitDir: string, repo: string | undefined) => {
  if (repo !== undefined) {
    if (!OWNER_AND_NAME.test(repo))
      throw new CliError(`--repo ${repo}: expected OWNER/NAME, as GitHub names the repository`);
    return repo;
  }
  const origin = await runGit(gitDir, ['config', '--get', 'remote.origin.url']).then(
    (url) => url.toString('utf8').trim(),
    () => '',
  );
  const name = SERVER_REMOTE.test(origin) ? readOwnerAndName(origin) : null;
  if (name === null || !OWNER_AND_NAME.test(name))
    throw new CliError(
      `--index-history: cannot tell the repository's GitHub name (${origin === '' ? 'no origin remote' : `origin is ${origin}`}). To resolve, pass --repo OWNER/NAME`,
    );
  return name;
};

export interface IndexHistoryOptions {
  readonly gitDir: string;
  /** The GitHub name to index under (`indexedRepository`). */
  readonly repo: string;
  readonly target: IndexHistoryTarget;
  readonly io: CliIo;
}

/** `calibrate --index-history`: the backfill, into the ledger the app reads, with progress on stderr. */
export const indexHistory = async (options: IndexHistoryOptions): Promise<void> => {
  const { repo } = options;
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
