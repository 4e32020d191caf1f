import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { changed, patch, summarize, type Summary } from './test-summarize-file.js';

/** Quoted and prefixed paths, mail and plain diffs, merge diffs, and input with no diff. */
const cases: { name: string; text: string; files: Summary[] }[] = [
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
});
