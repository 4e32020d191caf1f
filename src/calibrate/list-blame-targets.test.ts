import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../changes/parse-unified-diff.js';
import { listBlameTargets, MAX_FIX_DELETED_LINES, toLineRanges } from './list-blame-targets.js';

const patch = (path: string, body: string[], header: string[] = []) =>
  [`diff --git a/${path} b/${path}`, ...header, `--- a/${path}`, `+++ b/${path}`, ...body].join(
    '\n',
  );

describe('listBlameTargets', () => {
  it('lists the old-side numbers of deleted source lines, skipping blank and comment-only ones', () => {
    const diff = parseUnifiedDiff(
      patch('src/a.ts', [
        '@@ -10,6 +10,4 @@',
        ' keep();',
        '-broken();',
        '-',
        '-// a comment',
        '-  }',
        '+fixed();',
        ' end();',
      ]),
    );
    expect(listBlameTargets(diff)).toEqual([{ path: 'src/a.ts', lines: [11] }]);
  });

  it('blames a renamed file under its old name', () => {
    const text = [
      'diff --git a/src/old.py b/src/new.py',
      'similarity index 90%',
      'rename from src/old.py',
      'rename to src/new.py',
      '--- a/src/old.py',
      '+++ b/src/new.py',
      '@@ -3 +3 @@',
      '-x = 1',
      '+x = 2',
    ].join('\n');
    expect(listBlameTargets(parseUnifiedDiff(text))).toEqual([{ path: 'src/old.py', lines: [3] }]);
  });

  it('does not blame tests, documents or configuration', () => {
    const text = [
      patch('src/a.test.ts', ['@@ -1 +1 @@', '-a();', '+b();']),
      patch('README.md', ['@@ -1 +1 @@', '-a', '+b']),
      patch('package.json', ['@@ -1 +1 @@', '-"a"', '+"b"']),
    ].join('\n');
    expect(listBlameTargets(parseUnifiedDiff(text))).toEqual([]);
  });

  it('blames tests, documents and configuration too when asked to blame every text file', () => {
    const text = [
      patch('src/a.test.ts', ['@@ -1 +1 @@', '-a();', '+b();']),
      patch('README.md', ['@@ -4 +4 @@', '-a', '+b']),
    ].join('\n');
    expect(listBlameTargets(parseUnifiedDiff(text), true)).toEqual([
      { path: 'src/a.test.ts', lines: [1] },
      { path: 'README.md', lines: [4] },
    ]);
  });

  it('leaves out a fix that deletes more source lines than a fix would', () => {
    const deleted = Array.from({ length: MAX_FIX_DELETED_LINES + 1 }, (_, i) => `-line${i}();`);
    const diff = parseUnifiedDiff(
      patch('src/a.ts', [`@@ -1,${deleted.length} +0,0 @@`, ...deleted]),
    );
    expect(listBlameTargets(diff)).toEqual([]);
  });
});

describe('toLineRanges', () => {
  it('joins consecutive lines and drops repeats', () => {
    expect(toLineRanges([7, 3, 4, 5, 9, 7, 10])).toEqual([
      [3, 5],
      [7, 7],
      [9, 10],
    ]);
  });
});
