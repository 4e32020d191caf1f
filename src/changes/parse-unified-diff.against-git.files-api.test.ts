import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStatus } from '../domain/diff.js';
import type { GitHubFile } from '../github/types.js';
import { fromGitHubFiles } from './from-github-files.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import {
  FIND_MOVES,
  git,
  makeChangedRepo,
  type NumstatRecord,
  parseNameStatus,
  parseNumstat,
  patchSources,
} from './test-changed-repo.js';

let repo = '';

beforeAll(() => {
  repo = makeChangedRepo();
});

afterAll(() => {
  if (repo !== '') rmSync(repo, { recursive: true, force: true });
});

/** One GitHub files-API entry per file section of a `git diff`, built without our parser. */
function toGitHubFiles(
  diffText: string,
  numstat: NumstatRecord[],
  statuses: FileStatus[],
): GitHubFile[] {
  const sections = diffText.split(/^(?=diff --git )/m);
  return sections.map((section, index) => {
    const record = numstat[index]!;
    const hunksAt = section.startsWith('@@ ') ? 0 : section.indexOf('\n@@ ') + 1;
    const patch = hunksAt === 0 ? undefined : section.slice(hunksAt).replace(/\n$/, '');
    return {
      filename: record.path,
      previous_filename: record.previousPath ?? undefined,
      status: statuses[index]!,
      additions: record.additions ?? 0,
      deletions: record.deletions ?? 0,
      changes: (record.additions ?? 0) + (record.deletions ?? 0),
      patch,
    };
  });
}

describe('fromGitHubFiles against parseUnifiedDiff', () => {
  function both() {
    const text = git(repo, patchSources[0]!.args).toString('utf8');
    const numstat = parseNumstat(
      git(repo, ['diff', '--numstat', '-z', ...FIND_MOVES, 'HEAD~1', 'HEAD']),
    );
    const statuses = parseNameStatus(
      git(repo, ['diff', '--name-status', '-z', ...FIND_MOVES, 'HEAD~1', 'HEAD']),
    );
    const listed = toGitHubFiles(text, numstat, statuses);
    return {
      fromGit: parseUnifiedDiff(text),
      fromGitHub: fromGitHubFiles(listed, { truncated: false }),
    };
  }

  it('builds the same file change from a GitHub entry as from the git diff of the same change', () => {
    const { fromGit, fromGitHub } = both();
    const ambiguous = new Set(['empty.txt', 'tool.sh']);
    const comparable = fromGit.files.filter((f) => !ambiguous.has(f.path));
    expect(comparable.length).toBe(22);
    expect(fromGitHub.files.filter((f) => !ambiguous.has(f.path))).toEqual(comparable);
  });

  it('reads an empty new file and a mode-only change sent without patch as binary, as GitHub cannot tell them apart', () => {
    const { fromGitHub } = both();
    const ambiguous = fromGitHub.files.filter(
      (f) => f.path === 'empty.txt' || f.path === 'tool.sh',
    );
    expect(ambiguous.map((f) => [f.path, f.binary, f.patchAvailable])).toEqual([
      ['empty.txt', true, false],
      ['tool.sh', true, false],
    ]);
  });
});
