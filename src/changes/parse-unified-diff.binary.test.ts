import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { changed, patch, summarize, type Summary } from './test-summarize-file.js';

/** Binary files: known by a Binary line, a GIT binary patch, or their extension alone. */
const cases: { name: string; text: string; files: Summary[] }[] = [
  {
    name: 'binary files renamed, copied or given a mode without a change, known by their extension',
    text: patch(
      'diff --git a/logo.png b/assets/logo.png',
      'similarity index 100%',
      'rename from logo.png',
      'rename to assets/logo.png',
      'diff --git a/Manual.PDF b/manual-copy.pdf',
      'similarity index 100%',
      'copy from Manual.PDF',
      'copy to manual-copy.pdf',
      'diff --git a/font.woff2 b/font.woff2.bak',
      'similarity index 100%',
      'rename from font.woff2',
      'rename to font.woff2.bak',
      'diff --git a/tool.bin b/tool.bin',
      'old mode 100644',
      'new mode 100755',
    ),
    files: [
      changed('assets/logo.png', {
        previousPath: 'logo.png',
        status: 'renamed',
        binary: true,
        patchAvailable: false,
      }),
      changed('manual-copy.pdf', {
        previousPath: 'Manual.PDF',
        status: 'copied',
        binary: true,
        patchAvailable: false,
      }),
      changed('font.woff2.bak', {
        previousPath: 'font.woff2',
        status: 'renamed',
        binary: true,
        patchAvailable: false,
      }),
      changed('tool.bin', { binary: true, patchAvailable: false }),
    ],
  },
  {
    name: 'files of binary extensions that the patch shows as text or empty, which stay text',
    text: patch(
      'diff --git a/data.bin b/data.bin',
      'index 1..2 100644',
      '--- a/data.bin',
      '+++ b/data.bin',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/empty.png b/empty.png',
      'new file mode 100644',
      'index 0000000..e69de29',
      'diff --git a/diagram.svg b/docs/diagram.svg',
      'similarity index 100%',
      'rename from diagram.svg',
      'rename to docs/diagram.svg',
    ),
    files: [
      changed('data.bin', { additions: 1, deletions: 1, hunks: [[1, 1, 1, 1]] }),
      changed('empty.png', { status: 'added' }),
      changed('docs/diagram.svg', { previousPath: 'diagram.svg', status: 'renamed' }),
    ],
  },
  {
    name: 'binary files that differ, changed and added',
    text: patch(
      'diff --git a/img.png b/img.png',
      'index 1111111..2222222 100644',
      'Binary files a/img.png and b/img.png differ',
      'diff --git a/new.png b/new.png',
      'new file mode 100644',
      'index 0000000..2222222',
      'Binary files /dev/null and b/new.png differ',
    ),
    files: [
      changed('img.png', { binary: true, patchAvailable: false }),
      changed('new.png', { status: 'added', binary: true, patchAvailable: false }),
    ],
  },
  {
    name: 'a GIT binary patch followed by a text file',
    text: patch(
      'diff --git a/img.bin b/img.bin',
      'index 0f49c4ae77b43dff338093c78e009676e7e308ba..0d4028e90c42e17b17cb45ec56f977847a05caba 100644',
      'GIT binary patch',
      'literal 10',
      'RcmZQzWKPP=ODw8X1ON+S0;>Q3',
      '',
      'literal 9',
      'QcmZQzWJ=1+ODw7c00^)Gi2wiq',
      '',
      'diff --git a/b.txt b/b.txt',
      '--- a/b.txt',
      '+++ b/b.txt',
      '@@ -1 +1 @@',
      '-x',
      '+y',
    ),
    files: [
      changed('img.bin', { binary: true, patchAvailable: false }),
      changed('b.txt', { additions: 1, deletions: 1, hunks: [[1, 1, 1, 1]] }),
    ],
  },
];

describe('parseUnifiedDiff: files, paths and statuses', () => {
  it.each(cases)('reads $name', ({ text, files }) => {
    expect(parseUnifiedDiff(text).files.map(summarize)).toEqual(files);
  });
});
