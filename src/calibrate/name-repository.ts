import { basename, dirname } from 'node:path';
import { runGit } from './run-git.js';

/** `owner/name` from a remote URL (https, ssh or scp-like), or null. */
export const readOwnerAndName = (url: string): string | null => {
  const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match === null ? null : `${match[1] ?? ''}/${match[2] ?? ''}`;
};

/**
 * A name for a repository in output: `owner/name` from its `origin` remote, else the folder of
 * its work tree (for `.git`), else the folder that holds a git directory called `repo` or
 * `*.git`, else the git directory's own folder name.
 */
export const nameRepository = async (gitDir: string): Promise<string> => {
  const origin = await runGit(gitDir, ['config', '--get', 'remote.origin.url']).catch(() => null);
  const fromRemote = origin === null ? null : readOwnerAndName(origin.toString('utf8'));
  if (fromRemote !== null) return fromRemote;
  const name = basename(gitDir);
  return name === '.git' || name === 'repo'
    ? basename(dirname(gitDir))
    : name.replace(/\.git$/, '');
};
