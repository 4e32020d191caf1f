import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from './from-github-files.js';
import { entry } from './test-github-file.js';

describe('fromGitHubFiles', () => {
  it('parses the hunks of a file that has a patch and keeps the API counts', () => {
    const model = fromGitHubFiles(
      [
        entry({
          filename: 'src/a.ts',
          additions: 1,
          deletions: 1,
          changes: 2,
          patch: '@@ -1,2 +1,2 @@ fn\n a\n-b\n+c',
        }),
      ],
      { truncated: false },
    );
    expect(model.files[0]).toEqual({
      path: 'src/a.ts',
      previousPath: null,
      status: 'modified',
      additions: 1,
      deletions: 1,
      binary: false,
      patchAvailable: true,
      hunks: [
        {
          oldStart: 1,
          oldLines: 2,
          newStart: 1,
          newLines: 2,
          section: 'fn',
          lines: [
            { kind: 'context', oldLine: 1, newLine: 1, text: 'a' },
            { kind: 'del', oldLine: 2, newLine: null, text: 'b' },
            { kind: 'add', oldLine: null, newLine: 2, text: 'c' },
          ],
        },
      ],
    });
  });

  it('totals the files, keeps their order and passes the truncated flag on', () => {
    const model = fromGitHubFiles(
      [
        entry({ filename: 'b', additions: 3, deletions: 1, changes: 4 }),
        entry({ filename: 'a', additions: 2, deletions: 5, changes: 7 }),
      ],
      { truncated: true },
    );
    expect(model.files.map((f) => f.path)).toEqual(['b', 'a']);
    expect([model.additions, model.deletions, model.truncated]).toEqual([5, 6, true]);
  });
});
