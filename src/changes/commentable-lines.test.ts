import { describe, expect, it } from 'vitest';
import type { FileChange, Side } from '../domain/diff.js';
import { commentableLines, isCommentable } from './commentable-lines.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';

const file = parseUnifiedDiff(
  [
    'diff --git a/src/session.ts b/src/session.ts',
    'index 1111111..2222222 100644',
    '--- a/src/session.ts',
    '+++ b/src/session.ts',
    '@@ -10,5 +10,6 @@ export function open(token: string) {',
    '   const now = Date.now();',
    '-  if (token === "") return null;',
    '+  if (!token) return null;',
    '+  audit(token);',
    '   const session = lookup(token);',
    '-  return session;',
    '+  return session ?? null;',
    ' }',
    '@@ -40,3 +41,2 @@ export function close() {',
    '   flush();',
    '-  log("closed");',
    ' }',
    '',
  ].join('\n'),
).files[0]!;

describe('commentableLines', () => {
  it('puts added and context lines on the right by their new line number', () => {
    expect([...commentableLines(file).right].sort((a, b) => a - b)).toEqual([
      10, 11, 12, 13, 14, 15, 41, 42,
    ]);
  });

  it('puts deleted and context lines on the left by their old line number', () => {
    expect([...commentableLines(file).left].sort((a, b) => a - b)).toEqual([
      10, 11, 12, 13, 14, 40, 41, 42,
    ]);
  });

  it('has no lines for a file without hunks', () => {
    const pureRename: FileChange = {
      ...file,
      status: 'renamed',
      previousPath: 'old.ts',
      hunks: [],
    };
    expect(commentableLines(pureRename)).toEqual({ right: new Set(), left: new Set() });
  });
});

describe('isCommentable', () => {
  it.each<[string, Side, number, boolean]>([
    ['an added line on the right', 'RIGHT', 11, true],
    ['a context line on the right by its new number', 'RIGHT', 13, true],
    ['a context line on the left by its old number', 'LEFT', 12, true],
    ['a deleted line on the left', 'LEFT', 11, true],
    ['the second hunk’s deleted line on the left', 'LEFT', 41, true],
    ['a line between hunks on the right', 'RIGHT', 20, false],
    ['a line between hunks on the left', 'LEFT', 30, false],
    ['a new line number past the first hunk', 'RIGHT', 16, false],
    ['an old line number that only the new file has', 'LEFT', 15, false],
    ['line 0', 'RIGHT', 0, false],
  ])('says %s is %s', (_name, side, line, expected) => {
    expect(isCommentable(file, side, line)).toBe(expected);
  });

  it('accepts only the right side of a new file and only the left side of a deleted one', () => {
    const [added, removed] = parseUnifiedDiff(
      [
        'diff --git a/n.txt b/n.txt',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/n.txt',
        '@@ -0,0 +1,2 @@',
        '+a',
        '+b',
        'diff --git a/d.txt b/d.txt',
        'deleted file mode 100644',
        '--- a/d.txt',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-a',
      ].join('\n'),
    ).files;
    expect([isCommentable(added!, 'RIGHT', 2), isCommentable(added!, 'LEFT', 1)]).toEqual([
      true,
      false,
    ]);
    expect([isCommentable(removed!, 'LEFT', 1), isCommentable(removed!, 'RIGHT', 1)]).toEqual([
      true,
      false,
    ]);
  });
});
