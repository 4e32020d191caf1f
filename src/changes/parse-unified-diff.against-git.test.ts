import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStatus } from '../domain/diff.js';
import type { GitHubFile } from '../github/types.js';
import { fromGitHubFiles } from './from-github-files.js';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import { jpegFile, pdfFile, pngFile, woff2File, zipFile } from './test-binary-files.js';
import { asApplyNumstat, expectedFromApply } from './test-git-numstat.js';

const FIND_MOVES = ['-M', '-C', '--find-copies-harder'];
const LONG_LINE = 'x'.repeat(300_000);

function git(cwd: string, args: readonly string[], input?: string): Buffer {
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

interface NumstatRecord {
  path: string;
  previousPath: string | null;
  additions: number | null;
  deletions: number | null;
}

/** `git diff --numstat -z` and `git apply --numstat -z`: `A\tD\tpath\0` or `A\tD\t\0old\0new\0`. */
function parseNumstat(output: Buffer): NumstatRecord[] {
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
function parseNameStatus(output: Buffer): FileStatus[] {
  const tokens = output.toString('utf8').split('\0');
  const statuses: FileStatus[] = [];
  for (let i = 0; i < tokens.length && tokens[i] !== ''; i += 2) {
    const letter = tokens[i]!.charAt(0);
    statuses.push(STATUS_LETTERS[letter]!);
    if (letter === 'R' || letter === 'C') i += 1;
  }
  return statuses;
}

let repo = '';

/** Binary files renamed without a change: their patch has no line that says binary. */
const BINARY_RENAMES = [
  ['logo.png', 'assets/logo.png'],
  ['photo.jpg', 'assets/photo.jpg'],
  ['manual.pdf', 'assets/manual.pdf'],
  ['bundle.zip', 'assets/bundle.zip'],
  ['font.woff2', 'assets/font.woff2'],
  ['banner.png', 'assets/banner.png'],
] as const;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'review-router-changes-'));
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
});

afterAll(() => {
  if (repo !== '') rmSync(repo, { recursive: true, force: true });
});

function lines(from: number, to: number): string {
  return Array.from({ length: to - from + 1 }, (_, i) => `${from + i}\n`).join('');
}

const patchSources: { name: string; args: string[] }[] = [
  { name: 'git diff', args: ['diff', ...FIND_MOVES, 'HEAD~1', 'HEAD'] },
  { name: 'git diff --binary', args: ['diff', '--binary', ...FIND_MOVES, 'HEAD~1', 'HEAD'] },
  { name: 'git show', args: ['show', ...FIND_MOVES, 'HEAD'] },
  { name: 'git format-patch', args: ['format-patch', '-1', '--stdout', ...FIND_MOVES, 'HEAD'] },
];

describe('parseUnifiedDiff against git', () => {
  it.each(patchSources)('counts every file of $name as git diff --numstat does', ({ args }) => {
    const expected = parseNumstat(
      git(repo, ['diff', '--numstat', '-z', ...FIND_MOVES, 'HEAD~1', 'HEAD']),
    );
    const model = parseUnifiedDiff(git(repo, args).toString('utf8'));
    expect(expected.length).toBe(24);
    expect(
      model.files.map((f) => ({
        path: f.path,
        previousPath: f.previousPath,
        additions: f.additions,
        deletions: f.deletions,
      })),
    ).toEqual(
      expected.map((r) => ({ ...r, additions: r.additions ?? 0, deletions: r.deletions ?? 0 })),
    );
    expect(model.files.map((f) => f.binary)).toEqual(expected.map((r) => r.additions === null));
  });

  it.each(patchSources)('counts every file of $name as git apply --numstat does', ({ args }) => {
    const text = git(repo, args).toString('utf8');
    const applied = parseNumstat(git(repo, ['apply', '--numstat', '-z'], text));
    const model = parseUnifiedDiff(text);
    expect(asApplyNumstat(model)).toEqual(expectedFromApply(applied, model));
  });

  it.each([
    ['a PNG renamed unchanged', 'assets/logo.png', 'renamed', true],
    ['a JPEG renamed unchanged', 'assets/photo.jpg', 'renamed', true],
    ['a PDF renamed unchanged', 'assets/manual.pdf', 'renamed', true],
    ['a zip archive renamed unchanged', 'assets/bundle.zip', 'renamed', true],
    ['a WOFF2 font renamed unchanged', 'assets/font.woff2', 'renamed', true],
    ['a PNG renamed with a small change', 'assets/banner.png', 'renamed', true],
    ['a PNG copied unchanged', 'icon-copy.png', 'copied', true],
    ['a text file renamed unchanged', 'renamed-only.txt', 'renamed', false],
    ['an SVG, which is text, renamed unchanged', 'assets/diagram.svg', 'renamed', false],
  ])('reads %s as git diff --numstat does', (_what, path, status, binary) => {
    const numstat = parseNumstat(
      git(repo, ['diff', '--numstat', '-z', ...FIND_MOVES, 'HEAD~1', 'HEAD']),
    );
    const model = parseUnifiedDiff(
      git(repo, ['diff', ...FIND_MOVES, 'HEAD~1', 'HEAD']).toString('utf8'),
    );
    const counted = numstat.find((r) => r.path === path);
    expect(counted === undefined ? undefined : counted.additions === null).toBe(binary);
    expect(model.files.find((f) => f.path === path)).toMatchObject({
      status,
      binary,
      additions: 0,
      deletions: 0,
      patchAvailable: !binary,
    });
  });

  it('reads a binary file renamed unchanged as binary where git apply, reading the patch alone, counts 0 and 0', () => {
    const text = git(repo, patchSources[0]!.args).toString('utf8');
    const applied = parseNumstat(git(repo, ['apply', '--numstat', '-z'], text));
    const logo = applied.find((r) => r.path === 'assets/logo.png');
    expect([logo?.additions, logo?.deletions]).toEqual([0, 0]);
    expect(parseUnifiedDiff(text).files.find((f) => f.path === 'assets/logo.png')?.binary).toBe(
      true,
    );
  });

  it('gives each file the status git diff --name-status gives it', () => {
    const statuses = parseNameStatus(
      git(repo, ['diff', '--name-status', '-z', ...FIND_MOVES, 'HEAD~1', 'HEAD']),
    );
    const model = parseUnifiedDiff(
      git(repo, ['diff', ...FIND_MOVES, 'HEAD~1', 'HEAD']).toString('utf8'),
    );
    expect(model.files.map((f) => f.status)).toEqual(statuses);
    expect(statuses).toEqual(
      expect.arrayContaining(['added', 'removed', 'modified', 'renamed', 'copied']),
    );
  });

  it('reads the same model from git diff, git show and git format-patch', () => {
    const [diff, ...others] = patchSources.filter((s) => s.name !== 'git diff --binary');
    const expected = parseUnifiedDiff(git(repo, diff!.args).toString('utf8'));
    for (const source of others) {
      expect(parseUnifiedDiff(git(repo, source.args).toString('utf8'))).toEqual(expected);
    }
  });

  it('counts the same lines when the patch bytes are decoded as latin1', () => {
    const bytes = git(repo, patchSources[0]!.args);
    const summarize = (text: string) =>
      parseUnifiedDiff(text).files.map((f) => [
        f.path,
        f.previousPath,
        f.status,
        f.additions,
        f.deletions,
        f.binary,
      ]);
    expect(summarize(bytes.toString('latin1'))).toEqual(summarize(bytes.toString('utf8')));
  });

  it('keeps the very long line and the CRLF line ends as content', () => {
    const model = parseUnifiedDiff(git(repo, patchSources[0]!.args).toString('utf8'));
    const long = model.files.find((f) => f.path === 'long.txt')!;
    expect(long.hunks[0]!.lines.find((l) => l.kind === 'add')!.text).toBe(`${LONG_LINE}y`);
    const windows = model.files.find((f) => f.path === 'windows.txt')!;
    expect(windows.hunks[0]!.lines.map((l) => l.text)).toEqual([
      'alpha\r',
      'beta\r',
      'BETA\r',
      'gamma\r',
    ]);
  });
});

/** One GitHub files-API entry per file section of a `git diff`, built without our parser. */
function toGitHubFiles(
  diffText: string,
  numstat: NumstatRecord[],
  statuses: FileStatus[],
): GitHubFile[] {
  const sections = diffText.split(/^(?=diff --git )/m);
  return sections.map((section, index) => {
    const record = numstat[index]!;
    const hunksAt = section.startsWith('@@ ') ? 0 : section.indexOf('\n@@ ') + 1;
    const patch = hunksAt === 0 ? undefined : section.slice(hunksAt).replace(/\n$/, '');
    return {
      filename: record.path,
      previous_filename: record.previousPath ?? undefined,
      status: statuses[index]!,
      additions: record.additions ?? 0,
      deletions: record.deletions ?? 0,
      changes: (record.additions ?? 0) + (record.deletions ?? 0),
      patch,
    };
  });
}

describe('fromGitHubFiles against parseUnifiedDiff', () => {
  function both() {
    const text = git(repo, patchSources[0]!.args).toString('utf8');
    const numstat = parseNumstat(
      git(repo, ['diff', '--numstat', '-z', ...FIND_MOVES, 'HEAD~1', 'HEAD']),
    );
    const statuses = parseNameStatus(
      git(repo, ['diff', '--name-status', '-z', ...FIND_MOVES, 'HEAD~1', 'HEAD']),
    );
    const listed = toGitHubFiles(text, numstat, statuses);
    return {
      fromGit: parseUnifiedDiff(text),
      fromGitHub: fromGitHubFiles(listed, { truncated: false }),
    };
  }

  it('builds the same file change from a GitHub entry as from the git diff of the same change', () => {
    const { fromGit, fromGitHub } = both();
    const ambiguous = new Set(['empty.txt', 'tool.sh']);
    const comparable = fromGit.files.filter((f) => !ambiguous.has(f.path));
    expect(comparable.length).toBe(22);
    expect(fromGitHub.files.filter((f) => !ambiguous.has(f.path))).toEqual(comparable);
  });

  it('reads an empty new file and a mode-only change sent without patch as binary, as GitHub cannot tell them apart', () => {
    const { fromGitHub } = both();
    const ambiguous = fromGitHub.files.filter(
      (f) => f.path === 'empty.txt' || f.path === 'tool.sh',
    );
    expect(ambiguous.map((f) => [f.path, f.binary, f.patchAvailable])).toEqual([
      ['empty.txt', true, false],
      ['tool.sh', true, false],
    ]);
  });
});
