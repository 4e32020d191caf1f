import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runGit } from './run-git.js';

/**
 * Whether `sha` sits at the edge of a shallow clone (CI checks out one commit by default): git
 * has not fetched its parents and shows it as a root commit, as if it added every file.
 */
export const isShallowEdge = async (gitDir: string, sha: string): Promise<boolean> => {
  const shallow = await runGit(gitDir, ['rev-parse', '--is-shallow-repository']);
  if (shallow.toString('utf8').trim() !== 'true') return false;
  const file = (await runGit(gitDir, ['rev-parse', '--git-path', 'shallow'])).toString('utf8');
  const edges = await readFile(resolve(file.trim()), 'utf8').catch(() => '');
  return edges.split('\n').includes(sha);
};

/** What `--commit` says of such a commit, and how to fix it. */
export const shallowEdgeMessage = (rev: string, sha: string): string =>
  `--commit ${rev}: ${sha.slice(0, 12)} is at the edge of a shallow clone, so git has not fetched ` +
  'its parent and its change cannot be told from the whole tree. To resolve, fetch more history ' +
  '(git fetch --deepen=1, or --unshallow).';
