import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from '../changes/from-github-files.js';
import type { FileChange } from '../domain/diff.js';
import { fileOfFinding, followFinding, type FollowInput } from './follow-finding.js';

const B = 'b'.repeat(40);

const fileWith = (patch: string, status = 'modified'): FileChange => {
  const [file] = fromGitHubFiles(
    [{ filename: 'src/a.ts', status, additions: 1, deletions: 1, changes: 2, patch }],
    { truncated: false },
  ).files;
  return file!;
};

const finding = (overrides: Partial<FollowInput> = {}): FollowInput => ({
  path: 'src/a.ts',
  side: 'RIGHT',
  suggestion: null,
  tracked: { sha: 'a'.repeat(40), line: 10, startLine: null },
  ...overrides,
});

describe('followFinding', () => {
  it('moves a finding below two added lines by two, with no signal', () => {
    const file = fileWith('@@ -1,2 +1,4 @@\n line1\n+new1\n+new2\n line2');
    expect(followFinding(finding(), file, B)).toEqual({
      tracked: { sha: B, line: 12, startLine: null },
      signals: [],
    });
  });

  it('says the lines changed when a later commit rewrites the flagged line', () => {
    const file = fileWith('@@ -9,3 +9,3 @@\n nine\n-ten\n+TEN\n eleven');
    expect(followFinding(finding(), file, B).signals).toEqual(['lines-changed']);
  });

  it('says the suggestion was applied when the new lines are the suggestion', () => {
    const file = fileWith('@@ -9,3 +9,3 @@\n nine\n-  ten();\n+  return ten();\n eleven');
    const followed = followFinding(finding({ suggestion: 'return ten();\n' }), file, B);
    expect(followed.signals).toEqual(['lines-changed', 'suggestion-applied']);
    expect(followed.tracked).toEqual({ sha: B, line: 10, startLine: null });
  });

  it('counts a line inserted inside a multi-line range as a change', () => {
    const file = fileWith('@@ -8,4 +8,5 @@\n eight\n nine\n+inserted\n ten\n eleven');
    const followed = followFinding(
      finding({ tracked: { sha: 'a', line: 10, startLine: 9 } }),
      file,
      B,
    );
    expect(followed).toEqual({
      tracked: { sha: B, line: 11, startLine: 9 },
      signals: ['lines-changed'],
    });
  });

  it('sees no change in lines the push did not touch, above or in another file', () => {
    const below = fileWith('@@ -20,2 +20,1 @@\n twenty\n-gone');
    expect(followFinding(finding(), below, B)).toEqual({
      tracked: { sha: B, line: 10, startLine: null },
      signals: [],
    });
    expect(followFinding(finding(), undefined, B).signals).toEqual([]);
  });

  it('treats a removed file as changed and leaves LEFT-side findings alone', () => {
    const removed = fileWith('@@ -1,1 +0,0 @@\n-all', 'removed');
    expect(followFinding(finding(), removed, B).signals).toEqual(['lines-changed']);
    const rewrite = fileWith('@@ -9,3 +9,3 @@\n nine\n-ten\n+TEN\n eleven');
    expect(followFinding(finding({ side: 'LEFT' }), rewrite, B).signals).toEqual([]);
  });

  it('takes an empty suggestion as applied when its lines went and nothing came in their place', () => {
    const range = { sha: 'a', line: 10, startLine: 9 };
    const deleted = fileWith('@@ -8,4 +8,2 @@\n eight\n-nine\n-ten\n eleven');
    expect(followFinding(finding({ suggestion: '', tracked: range }), deleted, B).signals).toEqual([
      'lines-changed',
      'suggestion-applied',
    ]);
    const replaced = fileWith('@@ -8,4 +8,3 @@\n eight\n-nine\n-ten\n+other\n eleven');
    expect(followFinding(finding({ suggestion: '', tracked: range }), replaced, B).signals).toEqual(
      ['lines-changed'],
    );
  });

  it("looks for the suggestion only in the hunks that touch the finding's lines", () => {
    const file = fileWith(
      '@@ -2,3 +2,4 @@\n two\n+  return ten();\n three\n four\n@@ -9,3 +10,3 @@\n nine\n-  ten();\n+  ten(1);\n eleven',
    );
    expect(followFinding(finding({ suggestion: 'return ten();' }), file, B).signals).toEqual([
      'lines-changed',
    ]);
  });

  it('leaves a finding where it was when GitHub gave no patch for its file', () => {
    const [large] = fromGitHubFiles(
      [{ filename: 'src/a.ts', status: 'modified', additions: 900, deletions: 900, changes: 1800 }],
      { truncated: false },
    ).files;
    expect(followFinding(finding(), large, B)).toEqual({
      tracked: finding().tracked,
      signals: [],
    });
  });

  it("follows a finding under its file's new name once a push renamed the file", () => {
    const [renamed] = fromGitHubFiles(
      [
        {
          filename: 'src/b.ts',
          previous_filename: 'src/a.ts',
          status: 'renamed',
          additions: 1,
          deletions: 0,
          changes: 1,
          patch: '@@ -1,1 +1,2 @@\n one\n+inserted',
        },
      ],
      { truncated: false },
    ).files;
    const first = followFinding(finding(), renamed, B);
    expect(first.tracked).toEqual({ sha: B, line: 11, startLine: null, path: 'src/b.ts' });

    const later = fromGitHubFiles(
      [
        {
          filename: 'src/b.ts',
          status: 'modified',
          additions: 1,
          deletions: 1,
          changes: 2,
          patch: '@@ -10,3 +10,3 @@\n ten\n-eleven\n+ELEVEN\n twelve',
        },
      ],
      { truncated: false },
    );
    const moved = finding({ tracked: first.tracked });
    expect(fileOfFinding(later, moved)?.path).toBe('src/b.ts');
    expect(followFinding(moved, fileOfFinding(later, moved), 'c'.repeat(40)).signals).toEqual([
      'lines-changed',
    ]);
  });
});
