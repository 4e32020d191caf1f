/**
 * Test helper: a git repository whose one commit changes files in every way the parser must
 * read (renames, copies, modes, binaries, missing newlines, CRLF, a very long line), and git's
 * own readings of it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileStatus } from '../domain/diff.js';
import { jpegFile, pdfFile, pngFile, woff2File, zipFile } from './test-binary-files.js';

export const FIND_MOVES = ['-M', '-C', '--find-copies-harder'];
export const LONG_LINE = 'x'.repeat(300_000);

export function git(cwd: string, args: readonly string[], input?: string): Buffer {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'core.autocrlf=false',
      ...args,
    ],
    {
      cwd,
      input,
      stdio: 'pipe',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: devNull,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
      },
    },
  );
}

export interface NumstatRecord {
  path: string;
  previousPath: string | null;
  additions: number | null;
  deletions: number | null;
}

/** `git diff --numstat -z` and `git apply --numstat -z`: `A\tD\tpath\0` or `A\tD\t\0old\0new\0`. */
export function parseNumstat(output: Buffer): NumstatRecord[] {
  const tokens = output.toString('utf8').split('\0');
  const records: NumstatRecord[] = [];
  for (let i = 0; i < tokens.length && tokens[i] !== ''; i += 1) {
    const [added, deleted, path] = tokens[i]!.split('\t');
    const count = (value: string | undefined) => (value === '-' ? null : Number(value));
    if (path === '') {
      records.push({
        path: tokens[i + 2]!,
        previousPath: tokens[i + 1]!,
        additions: count(added),
        deletions: count(deleted),
      });
      i += 2;
    } else {
      records.push({
        path: path!,
        previousPath: null,
        additions: count(added),
        deletions: count(deleted),
      });
    }
  }
  return records;
}

const STATUS_LETTERS: Record<string, FileStatus> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
};

/** `git diff --name-status -z`: `M\0path\0` or `R090\0old\0new\0`. */
export function parseNameStatus(output: Buffer): FileStatus[] {
  const tokens = output.toString('utf8').split('\0');
  const statuses: FileStatus[] = [];
  for (let i = 0; i < tokens.length && tokens[i] !== ''; i += 2) {
    const letter = tokens[i]!.charAt(0);
    statuses.push(STATUS_LETTERS[letter]!);
    if (letter === 'R' || letter === 'C') i += 1;
  }
  return statuses;
}

/** Binary files renamed without a change: their patch has no line that says binary. */
const BINARY_RENAMES = [
  ['logo.png', 'assets/logo.png'],
  ['photo.jpg', 'assets/photo.jpg'],
  ['manual.pdf', 'assets/manual.pdf'],
  ['bundle.zip', 'assets/bundle.zip'],
  ['font.woff2', 'assets/font.woff2'],
  ['banner.png', 'assets/banner.png'],
] as const;

/** Makes the repository in a new temporary folder and returns its path. */
export function makeChangedRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'review-router-changes-'));
  const write = (name: string, content: string | Uint8Array) =>
    writeFileSync(join(repo, name), content);
  git(repo, ['-c', 'init.defaultBranch=main', 'init', '-q', '.']);
  write('moved.txt', lines(1, 20));
  write('renamed.txt', lines(1, 10));
  write('source.ts', 'const a = 1;\nconst b = 2;\nconst c = 3;\n');
  write('tool.sh', '#!/bin/sh\necho hi\n');
  write('gone.txt', 'one\ntwo\nthree\n');
  write('both-no-newline.txt', 'first\nlast');
  write('gains-newline.txt', 'p\nq');
  write('loses-newline.txt', 'r\ns\n');
  write('windows.txt', 'alpha\r\nbeta\r\ngamma\r\n');
  write('image.bin', new Uint8Array([0, 1, 2, 3, 0, 255]));
  write('long.txt', `short\n${LONG_LINE}\nend\n`);
  write('sp ace.txt', 'hello\n');
  write('späce name.txt', 'hallo\n');
  write('rules.md', 'keep\n-- old rule\nend\n');
  write('logo.png', pngFile(1));
  write('photo.jpg', jpegFile(2));
  write('manual.pdf', pdfFile(3));
  write('bundle.zip', zipFile(4));
  write('font.woff2', woff2File(5));
  write('banner.png', pngFile(6, 48));
  write('icon.png', pngFile(7));
  write('diagram.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-qm', 'init']);

  git(repo, ['mv', 'moved.txt', 'moved-and-edited.txt']);
  write('moved-and-edited.txt', lines(1, 20).replace('\n10\n', '\nten\n'));
  git(repo, ['mv', 'renamed.txt', 'renamed-only.txt']);
  write('source-copy.ts', 'const a = 1;\nconst b = 2;\nconst c = 3;\n');
  chmodSync(join(repo, 'tool.sh'), 0o755);
  rmSync(join(repo, 'gone.txt'));
  write('empty.txt', '');
  write('both-no-newline.txt', 'first\nchanged');
  write('gains-newline.txt', 'p\nq\n');
  write('loses-newline.txt', 'r\ns');
  write('windows.txt', 'alpha\r\nBETA\r\ngamma\r\n');
  write('image.bin', new Uint8Array([0, 1, 9, 3, 0, 255, 7]));
  write('new-image.bin', new Uint8Array([0, 0, 0, 1]));
  write('long.txt', `short\n${LONG_LINE}y\nend\n`);
  write('sp ace.txt', 'hello\nworld\n');
  write('späce name.txt', 'hallo\nwelt\n');
  write('rules.md', 'keep\n++ new rule\nend\n');
  mkdirSync(join(repo, 'assets'));
  for (const [from, to] of BINARY_RENAMES) git(repo, ['mv', from, to]);
  const banner = pngFile(6, 48);
  banner[banner.length - 40] = 0xab;
  write('assets/banner.png', banner);
  write('icon-copy.png', pngFile(7));
  git(repo, ['mv', 'diagram.svg', 'assets/diagram.svg']);
  git(repo, ['add', '-A']);
  git(repo, [
    'commit',
    '-qm',
    'change everything',
    '-m',
    'a message that quotes diff --git\n--- and has a dashed line',
  ]);
  return repo;
}

function lines(from: number, to: number): string {
  return Array.from({ length: to - from + 1 }, (_, i) => `${from + i}\n`).join('');
}

export const patchSources: { name: string; args: string[] }[] = [
  { name: 'git diff', args: ['diff', ...FIND_MOVES, 'HEAD~1', 'HEAD'] },
  { name: 'git diff --binary', args: ['diff', '--binary', ...FIND_MOVES, 'HEAD~1', 'HEAD'] },
  { name: 'git show', args: ['show', ...FIND_MOVES, 'HEAD'] },
  { name: 'git format-patch', args: ['format-patch', '-1', '--stdout', ...FIND_MOVES, 'HEAD'] },
];
