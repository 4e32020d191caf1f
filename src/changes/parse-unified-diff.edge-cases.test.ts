/**
 * The awkward changes, made with git and read back: a copy with edits, renames of binary files,
 * a mode change on a binary file, a symlink that becomes a file, invalid UTF-8, content lines
 * that look like patch headers, a hunk at line 0 of an existing file, files emptied and filled,
 * names with quotes and tabs, a complete rewrite. Each is read from several kinds of patch
 * (-U0, -U10, --binary, -B, --no-renames, format-patch) and held to git's counts.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import {
  expectedFromApply,
  asApplyNumstat,
  asNumstat,
  expectedFromPatch,
  parseNumstatZ,
  runGitIn,
} from './test-git-numstat.js';

const lines = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join('');
const TRICKY_NAME = 'quote"and\ttab.txt';

let repo = '';
const git = (args: readonly string[], input?: string | Buffer) => runGitIn(repo, args, input);
const write = (name: string, content: string | Uint8Array) =>
  writeFileSync(join(repo, name), content);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'review-router-edge-'));
  git(['-c', 'init.defaultBranch=main', 'init', '-q', '.']);
  write('copy-source.js', lines('const line', 30));
  write('picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 255]));
  write('tool.bin', new Uint8Array([0, 1, 2, 3]));
  write(
    'invalid-utf8.txt',
    Buffer.concat([
      Buffer.from('ok\n'),
      Buffer.from([0xff, 0xfe, 0x41, 0x0a]),
      Buffer.from('end\n'),
    ]),
  );
  write('headers.txt', 'a\nb\n- \nc\n');
  write('insert-top.txt', 'x\ny\n');
  write('to-empty.txt', 'a\nb\n');
  write('from-empty.txt', '');
  symlinkSync('copy-source.js', join(repo, 'link'));
  write(TRICKY_NAME, 'q\n');
  write('run.sh', lines('echo', 12));
  write('rewrite.txt', lines('old', 40));
  write('moved.txt', lines('moved', 50));
  git(['add', '-A']);
  git(['commit', '-qm', 'before']);

  write(
    'copy-with-edit.js',
    lines('const line', 30).replace('const line 3\n', 'const line three\n'),
  );
  git(['mv', 'picture.png', 'renamed-picture.png']);
  chmodSync(join(repo, 'tool.bin'), 0o755);
  write(
    'invalid-utf8.txt',
    Buffer.concat([
      Buffer.from('ok\n'),
      Buffer.from([0xc3, 0x28, 0x0a, 0xe2, 0x82, 0x0a]),
      Buffer.from('end\n'),
    ]),
  );
  write(
    'headers.txt',
    'a\ndiff --git a/x b/x\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n\\ No newline at end of file\nindex 123..456\nBinary files a and b differ\nrename from q\nc\n',
  );
  write('insert-top.txt', 'new 1\nnew 2\nx\ny\n');
  write('to-empty.txt', '');
  write('from-empty.txt', 'now\n');
  rmSync(join(repo, 'link'));
  write('link', 'a regular file now\n');
  write(TRICKY_NAME, 'q\nr\n');
  git(['mv', 'run.sh', 'renamed-run.sh']);
  write('renamed-run.sh', lines('echo', 12).replace('echo 12\n', 'echo twelve\n'));
  chmodSync(join(repo, 'renamed-run.sh'), 0o755);
  write('rewrite.txt', lines('new', 40));
  mkdirSync(join(repo, 'dir with space'));
  git(['mv', 'moved.txt', 'dir with space/moved.txt']);
  write('dir with space/moved.txt', `first\n${lines('moved', 50)}last`);
  write('no-newline.txt', 'x');
  git(['add', '-A']);
  git(['commit', '-qm', 'after', '-m', 'diff --git a/not b/a-patch\n--- not a header']);
});

afterAll(() => {
  if (repo !== '') rmSync(repo, { recursive: true, force: true });
});

const MOVES = ['-M', '-C', '--find-copies-harder'];
const variants: { name: string; args: string[] }[] = [
  { name: 'git diff', args: [...MOVES] },
  { name: 'git diff -U0', args: ['-U0', ...MOVES] },
  { name: 'git diff -U10', args: ['-U10', ...MOVES] },
  { name: 'git diff --binary', args: ['--binary', ...MOVES] },
  { name: 'git diff -B -M', args: ['-B', '-M'] },
  { name: 'git diff --no-renames', args: ['--no-renames'] },
];

/** -U and --binary shape the patch, not the counts (and -U would add a patch to --numstat). */
const countArgs = (args: readonly string[]) =>
  args.filter((arg) => !/^-U\d+$/.test(arg) && arg !== '--binary');

describe('parseUnifiedDiff on awkward changes', () => {
  it.each(variants)('counts every file of $name as git diff --numstat does', ({ args }) => {
    const patch = git(['diff', ...args, 'HEAD~1', 'HEAD']);
    const model = parseUnifiedDiff(patch.toString('utf8'));
    const numstat = parseNumstatZ(
      git(['diff', '--numstat', '-z', ...countArgs(args), 'HEAD~1', 'HEAD']),
    );
    expect(numstat.length).toBeGreaterThanOrEqual(14);
    expect(asNumstat(model)).toEqual(expectedFromPatch(numstat, model));
  });

  it.each(variants)('counts every file of $name as git apply --numstat does', ({ args }) => {
    const patch = git(['diff', ...args, 'HEAD~1', 'HEAD']);
    const applied = parseNumstatZ(git(['apply', '--numstat', '-z'], patch));
    const model = parseUnifiedDiff(patch.toString('utf8'));
    expect(asApplyNumstat(model)).toEqual(expectedFromApply(applied, model));
  });

  it('reads git format-patch of the same change, message lines that look like headers and all', () => {
    const mail = git(['format-patch', '-1', '--stdout', ...MOVES, 'HEAD']);
    const diff = git(['diff', ...MOVES, 'HEAD~1', 'HEAD']);
    expect(parseUnifiedDiff(mail.toString('utf8'))).toEqual(
      parseUnifiedDiff(diff.toString('utf8')),
    );
  });

  it('counts the same whichever way the invalid UTF-8 is decoded', () => {
    const patch = git(['diff', ...MOVES, 'HEAD~1', 'HEAD']);
    const counts = (text: string) =>
      parseUnifiedDiff(text).files.map((f) => [f.previousPath, f.additions, f.deletions, f.binary]);
    expect(counts(patch.toString('latin1'))).toEqual(counts(patch.toString('utf8')));
    const invalid = parseUnifiedDiff(patch.toString('utf8')).files.find(
      (f) => f.path === 'invalid-utf8.txt',
    );
    expect([invalid?.additions, invalid?.deletions]).toEqual([2, 1]);
  });

  it('reads a copy with edits, a quoted name with a tab, and a hunk at line 0', () => {
    const model = parseUnifiedDiff(
      git(['diff', '-U0', ...MOVES, 'HEAD~1', 'HEAD']).toString('utf8'),
    );
    const byPath = new Map(model.files.map((f) => [f.path, f]));
    expect(byPath.get('copy-with-edit.js')).toMatchObject({
      status: 'copied',
      previousPath: 'copy-source.js',
      additions: 1,
      deletions: 1,
    });
    expect(byPath.get(TRICKY_NAME)).toMatchObject({ additions: 1, deletions: 0 });
    const top = byPath.get('insert-top.txt')?.hunks[0];
    expect(top).toMatchObject({ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2 });
    expect(top?.lines.map((l) => [l.kind, l.newLine, l.text])).toEqual([
      ['add', 1, 'new 1'],
      ['add', 2, 'new 2'],
    ]);
  });

  it('keeps content lines that look like patch headers as content', () => {
    const model = parseUnifiedDiff(git(['diff', ...MOVES, 'HEAD~1', 'HEAD']).toString('utf8'));
    const headers = model.files.find((f) => f.path === 'headers.txt');
    const added = headers?.hunks.flatMap((h) =>
      h.lines.filter((l) => l.kind === 'add').map((l) => l.text),
    );
    expect(added).toEqual([
      'diff --git a/x b/x',
      '--- a/y',
      '+++ b/y',
      '@@ -1 +1 @@',
      '\\ No newline at end of file',
      'index 123..456',
      'Binary files a and b differ',
      'rename from q',
    ]);
    expect(headers?.deletions).toBe(2);
  });
});
