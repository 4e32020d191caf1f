import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from './from-github-files.js';
import { keepOwnHunks } from './keep-own-hunks.js';

const listed = (filename: string, patch: string | undefined) => {
  const lines = (patch ?? '').split('\n');
  const additions = lines.filter((line) => line.startsWith('+')).length;
  const deletions = lines.filter((line) => line.startsWith('-')).length;
  return {
    filename,
    status: 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    ...(patch === undefined ? {} : { patch }),
  };
};
const diffOf = (...files: ReturnType<typeof listed>[]) =>
  fromGitHubFiles(files, { truncated: false });

// The pull request adds lines 1-2 of svc.ts and deletes `old();` from its end, against the base.
const PULL = diffOf(
  listed(
    'src/svc.ts',
    [
      '@@ -1,2 +1,4 @@',
      "+import { log } from './log.js';",
      "+log('start');",
      ' export const a = 1;',
      ' export const b = 2;',
      '@@ -78,3 +80,2 @@',
      ' export const y = 25;',
      '-old();',
      ' export const z = 26;',
    ].join('\n'),
  ),
);

describe('keepOwnHunks', () => {
  it("drops a hunk the base branch brought in by a merge, and keeps the pull request's own", () => {
    const increment = diffOf(
      listed(
        'src/svc.ts',
        [
          // The pull request's new commit: line 2 added again, as the pull request adds it.
          '@@ -1,2 +1,2 @@',
          " import { log } from './log.js';",
          "-log('begin');",
          "+log('start');",
          // Merged in from the base: the base changed line 40, which the pull request never touched.
          '@@ -39,3 +39,3 @@',
          ' export const m = 13;',
          '-export const n = 14;',
          '+export const n = 140;',
          ' export const o = 15;',
        ].join('\n'),
      ),
    );
    const kept = keepOwnHunks(increment, PULL);
    expect(kept.files).toHaveLength(1);
    expect(kept.files[0]?.hunks.map((hunk) => hunk.newStart)).toEqual([1]);
    expect(kept).toMatchObject({
      additions: 1,
      deletions: 1,
      files: [{ additions: 1, deletions: 1 }],
    });
  });

  it('keeps a hunk that deletes a line the pull request deletes, and drops a file of base changes only', () => {
    const increment = diffOf(
      listed(
        'src/svc.ts',
        ['@@ -80,3 +80,2 @@', ' export const y = 25;', '-old();', ' export const z = 26;'].join(
          '\n',
        ),
      ),
      listed('src/other.ts', ['@@ -1 +1 @@', '-a', '+b'].join('\n')),
    );
    const onlyBase = diffOf(
      listed('src/svc.ts', ['@@ -10,1 +12,1 @@', '-const k = 1;', '+const k = 2;'].join('\n')),
    );
    expect(keepOwnHunks(increment, PULL).files.map((file) => file.path)).toEqual([
      'src/svc.ts',
      'src/other.ts',
    ]);
    expect(keepOwnHunks(onlyBase, PULL).files).toEqual([]);
  });

  it('keeps a file whole when either side has no patch to compare', () => {
    const increment = diffOf(listed('src/svc.ts', undefined));
    expect(keepOwnHunks(increment, PULL)).toEqual(increment);
  });
});
