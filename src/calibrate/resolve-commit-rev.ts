import { runGit } from './run-git.js';

/** `rev` as the commit it names (never read as an option), or null when it names none. */
export const resolveCommitRev = async (gitDir: string, rev: string): Promise<string | null> => {
  const out = await runGit(gitDir, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${rev}^{commit}`,
  ]).catch(() => null);
  const sha = out?.toString('utf8').trim() ?? '';
  return sha === '' ? null : sha;
};
