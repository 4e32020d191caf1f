import type { HistoryCommit } from '../domain/history.js';
import { isFixMessage } from './detect-fix-message.js';
import { streamGitLog } from './stream-git-log.js';

const SHA = /^[0-9a-f]{40,64}$/;

/** The added and modified paths of `git log --name-status -z` output: `M\0path\0A\0path\0…`. */
const readChangedPaths = (text: string): string[] => {
  const fields = text.replace(/^[\0\n]+/, '').split('\0');
  const paths: string[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const status = fields[index] ?? '';
    const path = fields[index + 1] ?? '';
    if (path !== '' && (status === 'A' || status === 'M' || status === 'T')) paths.push(path);
  }
  return paths;
};

/**
 * Every non-merge commit reachable from `rev`, oldest first, as the history index keeps it: its
 * time, whether its message says it fixes a defect, and the paths it added or modified. Renames
 * are not followed (a renamed file starts a new history), as in the paths a push event lists.
 * One `git log --name-status` stream: cheap even for tens of thousands of commits.
 */
export async function* readHistoryCommits(
  gitDir: string,
  rev = 'HEAD',
): AsyncGenerator<HistoryCommit> {
  const options = ['--no-merges', '--reverse', '--no-renames', '--name-status', '-z'];
  for await (const record of streamGitLog(gitDir, options, '%H%x09%ct', rev)) {
    const [sha = '', time = ''] = record.header.split('\t');
    if (!SHA.test(sha)) continue;
    yield {
      sha,
      committedAt: Number(time),
      fix: isFixMessage(record.message),
      paths: readChangedPaths(record.body.toString('utf8')),
    };
  }
}
