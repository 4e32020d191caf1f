import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './parse-unified-diff.js';
import {
  FIND_MOVES,
  git,
  LONG_LINE,
  makeChangedRepo,
  parseNameStatus,
  parseNumstat,
  patchSources,
} from './test-changed-repo.js';
import { asApplyNumstat, expectedFromApply } from './test-git-numstat.js';

let repo = '';

beforeAll(() => {
  repo = makeChangedRepo();
});

afterAll(() => {
  if (repo !== '') rmSync(repo, { recursive: true, force: true });
});

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
