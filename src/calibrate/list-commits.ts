import { resolveCommitRev } from './resolve-commit-rev.js';
import { runGit } from './run-git.js';
import type { CommitInfo } from './types.js';

/** `sha TAB email TAB author-time TAB commit-time`: e-mail addresses hold no tabs or newlines. */
export const COMMIT_INFO_FORMAT = '%H%x09%ae%x09%at%x09%ct';

/** Reads one `COMMIT_INFO_FORMAT` line; null when it is not one. */
export const readCommitInfo = (line: string): CommitInfo | null => {
  const [sha, authorEmail, authorTime, commitTime] = line.split('\t');
  if (sha === undefined || !/^[0-9a-f]{40,64}$/.test(sha)) return null;
  return {
    sha,
    authorEmail: (authorEmail ?? '').toLowerCase(),
    authorTime: Number(authorTime),
    commitTime: Number(commitTime),
  };
};

/**
 * Every non-merge commit reachable from `rev`, newest first, without patches: cheap even for a
 * history of tens of thousands of commits. An empty repository has none.
 */
export const listCommits = async (gitDir: string, rev = 'HEAD'): Promise<CommitInfo[]> => {
  const head = await resolveCommitRev(gitDir, rev);
  if (head === null) return [];
  const output = await runGit(gitDir, [
    'log',
    '--no-merges',
    `--format=${COMMIT_INFO_FORMAT}`,
    head,
    '--',
  ]);
  return output
    .toString('utf8')
    .split('\n')
    .flatMap((line) => {
      const info = readCommitInfo(line);
      return info === null ? [] : [info];
    });
};
