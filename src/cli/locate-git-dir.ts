import { resolveGitDir } from '../calibrate/resolve-git-dir.js';
import { CliError } from './cli-io.js';

/**
 * git's own directory for `--git-dir PATH` (a work tree, a folder in one, its `.git` or a bare
 * repository), or for the current directory when none is given; a CliError that says which one
 * is not a repository otherwise. `hint` tells what to do when the current directory is not one.
 */
export const locateGitDir = async (
  given: string | undefined,
  hint = 'pass --git-dir PATH',
): Promise<string> => {
  const where = given ?? process.cwd();
  const gitDir = await resolveGitDir(where);
  if (gitDir !== null) return gitDir;
  throw new CliError(
    given === undefined
      ? `${where} is not a git repository (or a folder in one): ${hint}`
      : `--git-dir ${given}: not a git repository (or a folder in one)`,
  );
};
