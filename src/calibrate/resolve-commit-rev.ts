import { GitError, runGit } from './run-git.js';

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

/** git's `hint:   0011797b commit 2017-12-14 - Docs: Fixed typo` lines, as `0011797b (…)`. */
const CANDIDATE = /^hint:\s+([0-9a-f]+)\s+commit\s+(\S+)\s+-\s+(.*)$/gm;
const LISTED = 5;

/**
 * When `rev` names no commit because it is a short SHA several commits start with: a message that
 * says so and names them; null for any other reason.
 */
export const ambiguousCommit = async (gitDir: string, rev: string): Promise<string | null> => {
  const stderr = await runGit(gitDir, [
    'rev-parse',
    '--verify',
    '--end-of-options',
    `${rev}^{commit}`,
  ])
    .then(() => '')
    .catch((error: unknown) => (error instanceof GitError ? error.context.stderr : ''));
  if (!/is ambiguous/.test(stderr)) return null;
  const candidates = [...stderr.matchAll(CANDIDATE)].map(
    ([, sha, date, subject]) => `${sha} (${date}, ${subject?.trim()})`,
  );
  const listed = candidates.slice(0, LISTED).join(', ');
  const more = candidates.length > LISTED ? ` and ${candidates.length - LISTED} more` : '';
  return `--commit ${rev}: more than one commit in ${gitDir} starts with it${candidates.length > 0 ? `: ${listed}${more}` : ''}. To resolve, give more of its characters`;
};
