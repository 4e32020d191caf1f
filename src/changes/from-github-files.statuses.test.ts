import { describe, expect, it } from 'vitest';
import { fromGitHubFiles } from './from-github-files.js';
import { entry } from './test-github-file.js';

describe('fromGitHubFiles', () => {
  it.each([
    {
      name: 'a large file GitHub sent without its patch',
      file: entry({ filename: 'big.json', additions: 4000, deletions: 12, changes: 4012 }),
      expected: {
        status: 'modified',
        additions: 4000,
        deletions: 12,
        binary: false,
        patchAvailable: false,
      },
    },
    {
      name: 'a binary file, which has no patch and no counts',
      file: entry({ filename: 'logo.png' }),
      expected: {
        status: 'modified',
        additions: 0,
        deletions: 0,
        binary: true,
        patchAvailable: false,
      },
    },
    {
      name: 'an added binary file',
      file: entry({ filename: 'new.png', status: 'added' }),
      expected: {
        status: 'added',
        additions: 0,
        deletions: 0,
        binary: true,
        patchAvailable: false,
      },
    },
    {
      name: 'a pure rename, which has nothing to show',
      file: entry({ filename: 'b.ts', previous_filename: 'a.ts', status: 'renamed' }),
      expected: {
        status: 'renamed',
        additions: 0,
        deletions: 0,
        binary: false,
        patchAvailable: true,
      },
    },
    {
      name: 'a pure copy',
      file: entry({ filename: 'c.ts', previous_filename: 'a.ts', status: 'copied' }),
      expected: {
        status: 'copied',
        additions: 0,
        deletions: 0,
        binary: false,
        patchAvailable: true,
      },
    },
    {
      name: 'a renamed binary file, which has no patch and no counts, edited or not',
      file: entry({
        filename: 'assets/logo.png',
        previous_filename: 'logo.png',
        status: 'renamed',
      }),
      expected: {
        status: 'renamed',
        additions: 0,
        deletions: 0,
        binary: true,
        patchAvailable: false,
      },
    },
    {
      name: 'a copied binary file',
      file: entry({ filename: 'copy.pdf', previous_filename: 'manual.pdf', status: 'copied' }),
      expected: {
        status: 'copied',
        additions: 0,
        deletions: 0,
        binary: true,
        patchAvailable: false,
      },
    },
    {
      name: 'a binary file renamed to a name of no known extension',
      file: entry({
        filename: 'font.woff2.bak',
        previous_filename: 'font.woff2',
        status: 'renamed',
      }),
      expected: {
        status: 'renamed',
        additions: 0,
        deletions: 0,
        binary: true,
        patchAvailable: false,
      },
    },
    {
      name: 'a binary file whose mode alone changed',
      file: entry({ filename: 'tool.bin', status: 'changed' }),
      expected: {
        status: 'changed',
        additions: 0,
        deletions: 0,
        binary: true,
        patchAvailable: false,
      },
    },
    {
      name: 'a renamed SVG, which is text',
      file: entry({ filename: 'docs/a.svg', previous_filename: 'a.svg', status: 'renamed' }),
      expected: {
        status: 'renamed',
        additions: 0,
        deletions: 0,
        binary: false,
        patchAvailable: true,
      },
    },
    {
      name: 'a renamed file too large for a patch',
      file: entry({
        filename: 'b.sql',
        previous_filename: 'a.sql',
        status: 'renamed',
        additions: 9000,
        changes: 9000,
      }),
      expected: {
        status: 'renamed',
        additions: 9000,
        deletions: 0,
        binary: false,
        patchAvailable: false,
      },
    },
    {
      name: 'a file whose status is changed (mode or type only)',
      file: entry({ filename: 'tool.sh', status: 'changed' }),
      expected: {
        status: 'changed',
        additions: 0,
        deletions: 0,
        binary: false,
        patchAvailable: true,
      },
    },
    {
      name: 'an unknown status, read as modified',
      file: entry({
        filename: 'x.ts',
        status: 'retyped',
        additions: 1,
        changes: 1,
        patch: '@@ -0,0 +1 @@\n+x',
      }),
      expected: {
        status: 'modified',
        additions: 1,
        deletions: 0,
        binary: false,
        patchAvailable: true,
      },
    },
    {
      name: 'an empty patch string, as for an empty new file',
      file: entry({ filename: 'empty.txt', status: 'added', patch: '' }),
      expected: {
        status: 'added',
        additions: 0,
        deletions: 0,
        binary: false,
        patchAvailable: true,
      },
    },
  ])('reads $name', ({ file, expected }) => {
    const [change] = fromGitHubFiles([file], { truncated: false }).files;
    expect({
      status: change!.status,
      additions: change!.additions,
      deletions: change!.deletions,
      binary: change!.binary,
      patchAvailable: change!.patchAvailable,
    }).toEqual(expected);
    expect(change!.path).toBe(file.filename);
    expect(change!.previousPath).toBe(file.previous_filename ?? null);
    if (file.patch === undefined) expect(change!.hunks).toEqual([]);
  });
});
