/**
 * Every commit of this repository's own history, parsed and held to git's counts: the patch of
 * each commit (a merge against its first parent) gives the files, renames and copies, additions
 * and deletions that `git show --numstat` and `git apply --numstat` give for it. Skipped, with
 * the reason, where the project is not a git checkout.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import {
  expectedFromApply,
  asApplyNumstat,
  asNumstat,
  expectedFromPatch,
  parseNumstatZ,
  runGitIn,
} from './test-git-numstat.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIND_MOVES = ['-M', '-C'];

const listCommits = (): { sha: string; parents: string[] }[] => {
  try {
    return runGitIn(root, ['log', '--format=%H %P', 'HEAD'])
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [sha = '', ...parents] = line.split(' ').filter((part) => part !== '');
        return { sha, parents };
      });
  } catch {
    return [];
  }
};

const commits = listCommits();
if (commits.length === 0)
  console.warn(`history numstat test skipped: ${root} is not a git checkout`);

/** `git show` for a commit; for a merge, the diff against its first parent. */
const diffArgs = (sha: string, parents: readonly string[]): string[] =>
  parents.length > 1
    ? ['diff', ...FIND_MOVES, parents[0] ?? '', sha]
    : ['show', '--format=', '--no-color', ...FIND_MOVES, sha];

describe.skipIf(commits.length === 0)('parseUnifiedDiff on every commit of this repository', () => {
  it('walks more than the root commit', () => {
    expect(commits.length).toBeGreaterThan(0);
  });

  it.each(commits.map((c) => [c.sha.slice(0, 10), c] as const))(
    'counts commit %s as git numstat and git apply --numstat do',
    (_short, { sha, parents }) => {
      const args = diffArgs(sha, parents);
      const patch = runGitIn(root, args);
      const numstat = parseNumstatZ(runGitIn(root, [...args, '--numstat', '-z']));
      const model = parseUnifiedDiff(patch.toString('utf8'));
      expect(asNumstat(model)).toEqual(expectedFromPatch(numstat, model));
      if (patch.length > 0) {
        const applied = parseNumstatZ(runGitIn(root, ['apply', '--numstat', '-z'], patch));
        expect(asApplyNumstat(model)).toEqual(expectedFromApply(applied, model));
      }
      expect(model.additions).toBe(numstat.reduce((sum, r) => sum + (r.additions ?? 0), 0));
      expect(model.deletions).toBe(numstat.reduce((sum, r) => sum + (r.deletions ?? 0), 0));
    },
  );
});
