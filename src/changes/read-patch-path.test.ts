import { describe, expect, it } from 'vitest';
import {
  readPatchPath,
  splitDiffGitNames,
  stripFirstComponent,
  unquoteCStyle,
} from './read-patch-path.js';

describe('readPatchPath', () => {
  it.each([
    ['a bare path', 'a/src/x.ts', 'a/src/x.ts'],
    ['a path with a space and git’s trailing tab', 'a/sp ace.txt\t', 'a/sp ace.txt'],
    ['a diff -u path with a timestamp', 'old/x.c\t2026-01-01 00:00:00 +0000', 'old/x.c'],
    ['a quoted path with octal UTF-8 bytes', '"a/sp\\303\\244ce name.txt"\t', 'a/späce name.txt'],
    ['a quoted path with C escapes', '"a/t\\ta\\\\b\\"q\\n"', 'a/t\ta\\b"q\n'],
    ['a path with a carriage return after it', 'b/w.txt\r', 'b/w.txt'],
    ['/dev/null', '/dev/null', null],
    ['a quoted path that is not closed', '"a/open', '"a/open'],
  ])('reads %s', (_name, text, path) => {
    expect(readPatchPath(text)).toBe(path);
  });
});

describe('unquoteCStyle', () => {
  it('returns the index after the closing quote', () => {
    expect(unquoteCStyle('"a b" rest', 0)).toEqual({ value: 'a b', end: 5 });
  });

  it('turns invalid UTF-8 bytes into replacement characters instead of failing', () => {
    expect(unquoteCStyle('"x\\377y"', 0)?.value).toBe('x\uFFFDy');
  });

  it('keeps raw non-ASCII characters, including ones outside the BMP', () => {
    expect(unquoteCStyle('"é😀\\303\\251"', 0)?.value).toBe('é😀é');
  });
});

describe('splitDiffGitNames', () => {
  it.each([
    ['plain names', 'a/src/x.ts b/src/x.ts', 'src/x.ts', 'src/x.ts', true],
    [
      'names with spaces',
      'a/my dir/a b.txt b/my dir/a b.txt',
      'my dir/a b.txt',
      'my dir/a b.txt',
      true,
    ],
    ['names that hold " b/"', 'a/x b/y b/x b/y', 'x b/y', 'x b/y', true],
    ['two quoted names', '"a/\\303\\244 x" "b/\\303\\244 x"', 'ä x', 'ä x', true],
    [
      'a bare name and a quoted one',
      'a/plain.txt "b/n\\303\\251.txt"',
      'plain.txt',
      'né.txt',
      true,
    ],
    [
      'a quoted name and a bare one',
      '"a/n\\303\\251.txt" b/plain.txt',
      'né.txt',
      'plain.txt',
      true,
    ],
    ['renamed names with spaces', 'a/old name b/new name', 'old name', 'new name', true],
    ['mnemonic prefixes', 'c/src/x.ts w/src/x.ts', 'src/x.ts', 'src/x.ts', true],
    ['names without a prefix', 'README README', 'README', 'README', false],
    // git diff --no-prefix, or diff.noprefix set: both names whole, folders kept.
    ['folders without a prefix', 'src/x.ts src/x.ts', 'src/x.ts', 'src/x.ts', false],
    [
      'folders with spaces without a prefix',
      'my dir/a b.txt my dir/a b.txt',
      'my dir/a b.txt',
      'my dir/a b.txt',
      false,
    ],
    ['a one-letter folder without a prefix', 'a/x.ts a/x.ts', 'a/x.ts', 'a/x.ts', false],
  ])('splits %s', (_name, rest, oldPath, newPath, prefixed) => {
    expect(splitDiffGitNames(rest)).toEqual({ oldPath, newPath, prefixed });
  });
});

describe('stripFirstComponent', () => {
  it.each([
    ['a/src/x.ts', 'src/x.ts'],
    ['w/x', 'x'],
    ['x.c.orig', 'x.c.orig'],
  ])('turns %s into %s', (path, stripped) => {
    expect(stripFirstComponent(path)).toBe(stripped);
  });
});
