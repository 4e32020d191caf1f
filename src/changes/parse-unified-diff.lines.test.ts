import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { changed, patch, summarize, type Summary } from './test-summarize-file.js';

const cases: { name: string; text: string; files: Summary[] }[] = [
  {
    name: 'a modified file with two hunks',
    text: patch(
      'diff --git a/src/app.ts b/src/app.ts',
      'index 1111111..2222222 100644',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -1,3 +1,3 @@ import x',
      ' a',
      '-b',
      '+B',
      ' c',
      '@@ -10,2 +10,3 @@ function f() {',
      ' j',
      '+k',
      ' l',
    ),
    files: [
      changed('src/app.ts', {
        additions: 2,
        deletions: 1,
        hunks: [
          [1, 3, 1, 3],
          [10, 2, 10, 3],
        ],
      }),
    ],
  },
  {
    name: 'no newline at end of file on both sides',
    text: patch(
      'diff --git a/n.txt b/n.txt',
      '--- a/n.txt',
      '+++ b/n.txt',
      '@@ -1,2 +1,2 @@',
      ' x',
      '-y',
      '\\ No newline at end of file',
      '+z',
      '\\ No newline at end of file',
    ),
    files: [changed('n.txt', { additions: 1, deletions: 1, hunks: [[1, 2, 1, 2]] })],
  },
  {
    name: 'hunk lines that look like ---/+++ headers',
    text: patch(
      'diff --git a/rules.md b/rules.md',
      '--- a/rules.md',
      '+++ b/rules.md',
      '@@ -1,3 +1,3 @@',
      ' keep',
      '--- old rule',
      '+++ new rule',
      ' end',
    ),
    files: [changed('rules.md', { additions: 1, deletions: 1, hunks: [[1, 3, 1, 3]] })],
  },
  {
    name: 'an insertion made with -U0',
    text: patch(
      'diff --git a/u0.txt b/u0.txt',
      '--- a/u0.txt',
      '+++ b/u0.txt',
      '@@ -3,0 +4,2 @@ ctx',
      '+d',
      '+e',
      '@@ -7 +8,0 @@',
      '-g',
    ),
    files: [
      changed('u0.txt', {
        additions: 2,
        deletions: 1,
        hunks: [
          [3, 0, 4, 2],
          [7, 1, 8, 0],
        ],
      }),
    ],
  },
  {
    name: 'a patch file whose every line ends in CRLF',
    text: patch(
      'diff --git a/w.txt b/w.txt\r',
      'index 1..2 100644\r',
      '--- a/w.txt\r',
      '+++ b/w.txt\r',
      '@@ -1,2 +1,2 @@ section\r',
      ' a\r',
      '-b\r',
      '+B\r',
    ),
    files: [changed('w.txt', { additions: 1, deletions: 1, hunks: [[1, 2, 1, 2]] })],
  },
  {
    name: 'a blank context line whose leading space was stripped',
    text: patch(
      'diff --git a/b.txt b/b.txt',
      '--- a/b.txt',
      '+++ b/b.txt',
      '@@ -1,3 +1,3 @@',
      ' a',
      '',
      '-c',
      '+C',
    ),
    files: [changed('b.txt', { additions: 1, deletions: 1, hunks: [[1, 3, 1, 3]] })],
  },
  {
    name: 'a truncated hunk followed by the next file',
    text: patch(
      'diff --git a/cut.txt b/cut.txt',
      '--- a/cut.txt',
      '+++ b/cut.txt',
      '@@ -1,5 +1,5 @@',
      ' a',
      '-b',
      'diff --git a/next.txt b/next.txt',
      '--- a/next.txt',
      '+++ b/next.txt',
      '@@ -1 +1 @@',
      '-x',
      '+y',
    ),
    files: [
      changed('cut.txt', { deletions: 1, hunks: [[1, 5, 1, 5]] }),
      changed('next.txt', { additions: 1, deletions: 1, hunks: [[1, 1, 1, 1]] }),
    ],
  },
];

const caseText = (name: string): string => cases.find((c) => c.name === name)!.text;
const twoHunks = caseText('a modified file with two hunks');
const lookalikes = caseText('hunk lines that look like ---/+++ headers');
const crlfPatchFile = caseText('a patch file whose every line ends in CRLF');

describe('parseUnifiedDiff: hunks and lines', () => {
  it.each(cases)('reads $name', ({ text, files }) => {
    expect(parseUnifiedDiff(text).files.map(summarize)).toEqual(files);
  });

  it('numbers added and context lines by the new file and deleted lines by the old file', () => {
    const model = parseUnifiedDiff(twoHunks);
    expect(model.files[0]!.hunks[0]).toEqual({
      oldStart: 1,
      oldLines: 3,
      newStart: 1,
      newLines: 3,
      section: 'import x',
      lines: [
        { kind: 'context', oldLine: 1, newLine: 1, text: 'a' },
        { kind: 'del', oldLine: 2, newLine: null, text: 'b' },
        { kind: 'add', oldLine: null, newLine: 2, text: 'B' },
        { kind: 'context', oldLine: 3, newLine: 3, text: 'c' },
      ],
    });
    expect(model.files[0]!.hunks[1]!.lines.map((l) => [l.kind, l.oldLine, l.newLine])).toEqual([
      ['context', 10, 10],
      ['add', null, 11],
      ['context', 11, 12],
    ]);
  });

  it('keeps content that looks like a header as the text of its line', () => {
    const lines = parseUnifiedDiff(lookalikes).files[0]!.hunks[0]!.lines;
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['context', 'keep'],
      ['del', '-- old rule'],
      ['add', '++ new rule'],
      ['context', 'end'],
    ]);
  });

  it('keeps the carriage return of a CRLF file as content and drops none of its lines', () => {
    const text = patch(
      'diff --git a/w.txt b/w.txt',
      '--- a/w.txt',
      '+++ b/w.txt',
      '@@ -1,2 +1,2 @@',
      ' l1\r',
      '-l2\r',
      '+L2\r',
    );
    const file = parseUnifiedDiff(text).files[0]!;
    expect(file.hunks[0]!.lines.map((l) => l.text)).toEqual(['l1\r', 'l2\r', 'L2\r']);
    expect([file.additions, file.deletions]).toEqual([1, 1]);
  });

  it('reads the section of a CRLF patch file without its carriage return', () => {
    const text = crlfPatchFile;
    expect(parseUnifiedDiff(text).files[0]!.hunks[0]!.section).toBe('section');
  });

  it('reads tens of megabytes, including a 10 MB line, with every count right', () => {
    const lines = 100;
    const parts: string[] = [];
    for (let f = 0; f < 2000; f += 1) {
      parts.push(
        `diff --git a/dir/f${f}.ts b/dir/f${f}.ts\n--- a/dir/f${f}.ts\n+++ b/dir/f${f}.ts\n`,
      );
      parts.push(`@@ -1,${lines} +1,${lines} @@ section\n`);
      for (let l = 0; l < lines; l += 1) {
        parts.push(`-const v${l} = compute(${l}, 'the old text of a line of moderate length');\n`);
        parts.push(`+const v${l} = compute(${l}, 'the new text of a line of moderate length');\n`);
      }
    }
    const manyLines = parts.join('');
    const oneLine = `--- a/l\n+++ b/l\n@@ -1 +1 @@\n-${'a'.repeat(10_000_000)}\n+${'b'.repeat(10_000_000)}\n`;
    const many = parseUnifiedDiff(manyLines);
    const one = parseUnifiedDiff(oneLine);
    expect(manyLines.length + oneLine.length).toBeGreaterThan(40_000_000);
    expect([many.files.length, many.additions, many.deletions]).toEqual([2000, 200_000, 200_000]);
    expect(one.files[0]!.hunks[0]!.lines[1]!.text).toHaveLength(10_000_000);
  });
});
