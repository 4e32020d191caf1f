import { describe, expect, it } from 'vitest';
import { countChangedLines, parseHunks, readHunk } from './parse-hunks.js';

const githubPatch = [
  '@@ -3,4 +3,5 @@ export function main() {',
  ' const a = 1;',
  '-const b = 2;',
  '+const b = 3;',
  '+const c = 4;',
  ' return a;',
  ' }',
  '@@ -20 +21 @@',
  '-old',
  '\\ No newline at end of file',
  '+new',
  '\\ No newline at end of file',
].join('\n');

describe('parseHunks', () => {
  it('reads every hunk of a GitHub patch field, which has no trailing newline', () => {
    const hunks = parseHunks(githubPatch);
    expect(hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines, h.section])).toEqual([
      [3, 4, 3, 5, 'export function main() {'],
      [20, 1, 21, 1, ''],
    ]);
    expect(hunks[0]!.lines.map((l) => [l.kind, l.oldLine, l.newLine, l.text])).toEqual([
      ['context', 3, 3, 'const a = 1;'],
      ['del', 4, null, 'const b = 2;'],
      ['add', null, 4, 'const b = 3;'],
      ['add', null, 5, 'const c = 4;'],
      ['context', 5, 6, 'return a;'],
      ['context', 6, 7, '}'],
    ]);
  });

  it('does not count the no-newline marker as a line', () => {
    const [, last] = parseHunks(githubPatch);
    expect(last!.lines.map((l) => [l.kind, l.oldLine, l.newLine, l.text])).toEqual([
      ['del', 20, null, 'old'],
      ['add', null, 21, 'new'],
    ]);
  });

  it('ignores text before the first hunk and returns no hunks for an empty patch', () => {
    expect(parseHunks('index 1..2\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n')).toHaveLength(1);
    expect(parseHunks('')).toEqual([]);
  });

  it('keeps a section that holds a line separator character', () => {
    expect(parseHunks('@@ -1 +1 @@ const s = "\u2028";\n-a\n+b')[0]!.section).toBe(
      'const s = "\u2028";',
    );
  });
});

describe('readHunk', () => {
  it.each([
    ['a line that is not a hunk header', 'diff --git a/x b/x'],
    ['a header without numbers', '@@ -a +b @@'],
    ['a combined diff header', '@@@ -1 -1 +1 @@@'],
    ['an index past the end', undefined],
  ])('returns null for %s', (_name, line) => {
    expect(readHunk(line === undefined ? [] : [line], 0)).toBeNull();
  });

  it('stops at the header counts and returns the index of the next line', () => {
    const lines = ['@@ -1,2 +1,2 @@', ' a', '-b', '+c', '+++ not in the hunk'];
    const read = readHunk(lines, 0)!;
    expect(read.next).toBe(4);
    expect(read.hunk.lines).toHaveLength(3);
  });

  it('reads a missing count as 1', () => {
    const hunk = readHunk(['@@ -7 +9 @@', '-x', '+y'], 0)!.hunk;
    expect([hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines]).toEqual([7, 1, 9, 1]);
  });

  it('counts the added and deleted lines as countChangedLines counts its lines', () => {
    const lines = ['@@ -1,3 +1,4 @@', ' a', '-b', '+c', '+d', ' e', '\\ No newline at end of file'];
    const read = readHunk(lines, 0)!;
    expect([read.additions, read.deletions]).toEqual([2, 1]);
    expect(countChangedLines([read.hunk])).toEqual({ additions: 2, deletions: 1 });
    expect(read.next).toBe(7);
  });

  it('gives the same lines however many hunks are read in between, and as plain data', () => {
    const patch = Array.from({ length: 40 }, (_, index) => [
      `@@ -${index + 1} +${index + 1} @@`,
      `-old ${index}`,
      `+new ${index}`,
    ]).flat();
    const hunks = parseHunks(patch.join('\n'));
    const first = hunks[0]!.lines;
    expect(hunks[0]!.lines).toBe(first);
    for (const hunk of hunks) expect(hunk.lines).toHaveLength(2);
    expect(hunks[0]!.lines).toEqual(first);
    expect(JSON.parse(JSON.stringify(hunks[39]))).toEqual({
      oldStart: 40,
      oldLines: 1,
      newStart: 40,
      newLines: 1,
      section: '',
      lines: [
        { kind: 'del', oldLine: 40, newLine: null, text: 'old 39' },
        { kind: 'add', oldLine: null, newLine: 40, text: 'new 39' },
      ],
    });
    expect({ ...hunks[1]! }.lines).toEqual(hunks[1]!.lines);
  });
});

describe('countChangedLines', () => {
  it('counts added and deleted lines but not context lines', () => {
    expect(countChangedLines(parseHunks(githubPatch))).toEqual({ additions: 3, deletions: 2 });
  });
});
