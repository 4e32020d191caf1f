import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { changed, patch, summarize, type Summary } from './test-summarize-file.js';

const cases: { name: string; text: string; files: Summary[] }[] = [
  {
    name: 'several files in one patch',
    text: patch(
      'diff --git a/one.txt b/one.txt',
      'index 1..2 100644',
      '--- a/one.txt',
      '+++ b/one.txt',
      '@@ -1 +1 @@',
      '-1',
      '+one',
      'diff --git a/two.txt b/two.txt',
      'index 1..2 100644',
      '--- a/two.txt',
      '+++ b/two.txt',
      '@@ -1,2 +1 @@',
      '-x',
      ' y',
    ),
    files: [
      changed('one.txt', { additions: 1, deletions: 1, hunks: [[1, 1, 1, 1]] }),
      changed('two.txt', { deletions: 1, hunks: [[1, 2, 1, 1]] }),
    ],
  },
  {
    name: 'a rename with edits',
    text: patch(
      'diff --git a/old/name.ts b/new/name.ts',
      'similarity index 90%',
      'rename from old/name.ts',
      'rename to new/name.ts',
      'index 1..2 100644',
      '--- a/old/name.ts',
      '+++ b/new/name.ts',
      '@@ -4,3 +4,3 @@',
      ' 3',
      '-4',
      '+four',
      ' 5',
    ),
    files: [
      changed('new/name.ts', {
        previousPath: 'old/name.ts',
        status: 'renamed',
        additions: 1,
        deletions: 1,
        hunks: [[4, 3, 4, 3]],
      }),
    ],
  },
  {
    name: 'a pure rename, which has no hunks',
    text: patch(
      'diff --git a/a b.txt b/c d.txt',
      'similarity index 100%',
      'rename from a b.txt',
      'rename to c d.txt',
    ),
    files: [changed('c d.txt', { previousPath: 'a b.txt', status: 'renamed' })],
  },
  {
    name: 'a copy without edits and a copy with edits',
    text: patch(
      'diff --git a/src.txt b/copy.txt',
      'similarity index 100%',
      'copy from src.txt',
      'copy to copy.txt',
      'diff --git a/src.txt b/copy2.txt',
      'similarity index 80%',
      'copy from src.txt',
      'copy to copy2.txt',
      'index 1..2 100644',
      '--- a/src.txt',
      '+++ b/copy2.txt',
      '@@ -1,2 +1,3 @@',
      ' a',
      ' b',
      '+c',
    ),
    files: [
      changed('copy.txt', { previousPath: 'src.txt', status: 'copied' }),
      changed('copy2.txt', {
        previousPath: 'src.txt',
        status: 'copied',
        additions: 1,
        hunks: [[1, 2, 1, 3]],
      }),
    ],
  },
  {
    name: 'a mode-only change, read as modified with zero counts',
    text: patch('diff --git a/tool.sh b/tool.sh', 'old mode 100644', 'new mode 100755'),
    files: [changed('tool.sh')],
  },
  {
    name: 'a new file, whose hunk starts at line 0',
    text: patch(
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1,3 @@',
      '+a',
      '+b',
      '+c',
    ),
    files: [changed('new.txt', { status: 'added', additions: 3, hunks: [[0, 0, 1, 3]] })],
  },
  {
    name: 'a deleted file, whose hunk ends at line 0',
    text: patch(
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      'index 1111111..0000000',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1,3 +0,0 @@',
      '-a',
      '-b',
      '-c',
    ),
    files: [changed('gone.txt', { status: 'removed', deletions: 3, hunks: [[1, 3, 0, 0]] })],
  },
  {
    name: 'a new empty file and a deleted empty file',
    text: patch(
      'diff --git a/empty.txt b/empty.txt',
      'new file mode 100644',
      'index 0000000..e69de29',
      'diff --git a/was empty.txt b/was empty.txt',
      'deleted file mode 100644',
      'index e69de29..0000000',
    ),
    files: [
      changed('empty.txt', { status: 'added' }),
      changed('was empty.txt', { status: 'removed' }),
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
  {
    name: 'quoted paths with C escapes and a path with a space',
    text: patch(
      'diff --git "a/sp\\303\\244ce name.txt" "b/sp\\303\\244ce name.txt"',
      'index 1..2 100644',
      '--- "a/sp\\303\\244ce name.txt"\t',
      '+++ "b/sp\\303\\244ce name.txt"\t',
      '@@ -1 +1,2 @@',
      ' u',
      '+v',
      'diff --git a/sp ace.txt b/sp ace.txt',
      'index 1..2 100644',
      '--- a/sp ace.txt\t',
      '+++ b/sp ace.txt\t',
      '@@ -1 +1,2 @@',
      ' s',
      '+t',
      'diff --git a/tab\\there b/"quo\\"te\\\\d"',
      'similarity index 100%',
      'rename from "tab\\there"',
      'rename to "quo\\"te\\\\d"',
    ),
    files: [
      changed('späce name.txt', { additions: 1, hunks: [[1, 1, 1, 2]] }),
      changed('sp ace.txt', { additions: 1, hunks: [[1, 1, 1, 2]] }),
      changed('quo"te\\d', { previousPath: 'tab\there', status: 'renamed' }),
    ],
  },
  {
    name: 'a rename from a plain name to a quoted one, with no rename lines to help',
    text: patch(
      'diff --git a/plain.txt "b/n\\303\\251.txt"',
      'new file mode 100644',
      'index 0000000..e69de29',
    ),
    files: [changed('né.txt', { status: 'added' })],
  },
  {
    name: 'git format-patch mail with a message and a signature',
    text: patch(
      'From 85d30ee2e518882cb3510748a347615157415dde Mon Sep 17 00:00:00 2001',
      'From: A <a@example.com>',
      'Subject: [PATCH] change',
      '',
      'Message that mentions --- and +++ lines',
      'diff --git is how it starts',
      '--- not a header',
      '---',
      ' m.txt | 2 +-',
      ' 1 file changed, 1 insertion(+), 1 deletion(-)',
      '',
      'diff --git a/m.txt b/m.txt',
      'index 1..2 100644',
      '--- a/m.txt',
      '+++ b/m.txt',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '-- ',
      '2.39.5',
      '',
    ),
    files: [changed('m.txt', { additions: 1, deletions: 1, hunks: [[1, 1, 1, 1]] })],
  },
  {
    name: 'plain unified diffs with timestamps, an added and a removed file',
    text: patch(
      'diff -ru old/x.c new/x.c',
      '--- old/x.c\t2026-01-01 00:00:00.000000000 +0000',
      '+++ new/x.c\t2026-01-02 00:00:00.000000000 +0000',
      '@@ -1,2 +1,2 @@',
      ' int a;',
      '-int b;',
      '+long b;',
      'Only in new: y.c',
      '--- /dev/null',
      '+++ b/dir/y.c',
      '@@ -0,0 +1 @@',
      '+y',
      '--- z.c.orig',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-z',
      'Binary files old/p.png and new/p.png differ',
    ),
    files: [
      changed('x.c', { additions: 1, deletions: 1, hunks: [[1, 2, 1, 2]] }),
      changed('dir/y.c', { status: 'added', additions: 1, hunks: [[0, 0, 1, 1]] }),
      changed('z.c.orig', { status: 'removed', deletions: 1, hunks: [[1, 1, 0, 0]] }),
      changed('p.png', { binary: true, patchAvailable: false }),
    ],
  },
  {
    name: 'a combined diff of a merge commit, which is skipped',
    text: patch(
      'diff --cc merged.txt',
      'index 1,2..3',
      '--- a/merged.txt',
      '+++ b/merged.txt',
      '@@@ -1,1 -1,1 +1,1 @@@',
      '- a',
      ' -b',
      '++c',
      'diff --git a/after.txt b/after.txt',
      'new file mode 100644',
      'index 0000000..e69de29',
    ),
    files: [changed('after.txt', { status: 'added' })],
  },
  {
    name: 'mnemonic prefixes (i/ and w/)',
    text: patch('diff --git i/src/m.ts w/src/m.ts', 'old mode 100644', 'new mode 100755'),
    files: [changed('src/m.ts')],
  },
  { name: 'an empty input', text: '', files: [] },
  { name: 'text that holds no diff', text: 'hello\nworld\n--- just a line\n', files: [] },
];

describe('parseUnifiedDiff: files, paths and statuses', () => {
  it.each(cases)('reads $name', ({ text, files }) => {
    expect(parseUnifiedDiff(text).files.map(summarize)).toEqual(files);
  });

  it('totals additions and deletions over files and is never truncated', () => {
    const model = parseUnifiedDiff(
      cases.find((c) => c.name === 'several files in one patch')!.text,
    );
    expect([model.additions, model.deletions, model.truncated]).toEqual([1, 2, false]);
  });

  it('reads text decoded as latin1 without failing, bytes and all', () => {
    const bytes = Buffer.from(
      patch(
        'diff --git a/l.txt b/l.txt',
        '--- a/l.txt',
        '+++ b/l.txt',
        '@@ -1 +1 @@',
        '-caf\u00e9',
        '+\uFFFD\u0000\u00ff',
      ),
      'utf8',
    );
    const file = parseUnifiedDiff(bytes.toString('latin1')).files[0]!;
    expect([file.path, file.additions, file.deletions]).toEqual(['l.txt', 1, 1]);
    expect(file.hunks[0]!.lines[0]!.text).toBe('caf\u00c3\u00a9');
  });
});
