import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGitRepo, type TestGitRepo } from '../calibrate/test-git-repo.js';
import { CliError } from './cli-io.js';
import { readPatch } from './read-patch.js';

const refusal = (file: string, text: string): CliError => {
  try {
    readPatch(file, text);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
};

describe('readPatch on input that is not a diff', () => {
  it.each([
    ['notes.txt', 'Remember to review the auth change.\nAnd the docs.\n'],
    ['image.png', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0000\u0001'],
    ['random.bin', '\u0000\u00ff\u0013\u00fe\ufffd\ufffd--\n++\n@@ junk'],
  ])('refuses %s with exit 2 and a message naming the file', (file, text) => {
    const error = refusal(file, text);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `${file} is not a unified diff (no 'diff --git' or '---'/'+++' file header): give the output of git diff, git show or git format-patch`,
    );
  });

  it.each([
    ['empty.patch', ''],
    ['blank.patch', '\n\n  \n'],
  ])('says %s is empty', (file, text) => {
    expect(refusal(file, text).message).toBe(`${file} is empty: there is no diff to classify`);
  });

  it.each([
    ['utf16le.patch', 'utf16le'],
    ['utf16be.patch', 'utf16be'],
  ] as const)(
    'says %s is a diff saved as UTF-16, and how to save it as UTF-8',
    (file, encoding) => {
      const diff = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n';
      const le = Buffer.from(`\ufeff${diff}`, 'utf16le');
      const bytes = encoding === 'utf16le' ? le : Buffer.from(le).swap16();
      const error = (() => {
        try {
          readPatch(file, new Uint8Array(bytes));
        } catch (caught) {
          return caught as CliError;
        }
        throw new Error('accepted');
      })();
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(new RegExp(`^${file} is a diff saved as UTF-16`));
    },
  );

  it('calls standard input by that name', () => {
    expect(refusal('-', 'hello\n').message).toMatch(/^standard input is not a unified diff/);
  });

  it('says a merge commit shown as a combined diff is not read', () => {
    const text = [
      'commit ' + 'a'.repeat(40),
      'Merge: 1111111 2222222',
      '',
      '    Merge branch topic',
      '',
      'diff --cc src/a.ts',
      'index 1111111,2222222..3333333',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@@ -1,1 -1,1 +1,1 @@@',
      '- one',
      ' -two',
      '++three',
      '',
    ].join('\n');
    expect(refusal('merge.patch', text).message).toContain('combined diff of a merge commit');
  });
});

describe('readPatch on a diff whose hunks fall short of their headers', () => {
  const header = ['diff --git a/src/a.ts b/src/a.ts', '--- a/src/a.ts', '+++ b/src/a.ts'];

  it('refuses a patch cut in the middle of a hunk, naming the file and the line', () => {
    const text = [...header, '@@ -1,3 +1,4 @@', ' one', '-two', '+2', ''].join('\n');
    const error = refusal('cut.patch', text);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(
      /^cut\.patch line 4: the hunk @@ -1,3 \+1,4 @@ of src\/a\.ts ends after 3 of its lines: the patch is cut short/,
    );
  });

  it('refuses git diff --word-diff, whose changed lines have no + or -', () => {
    const text = [...header, '@@ -1 +1 @@', 'const [-a-]{+b+} = 1;', ''].join('\n');
    expect(refusal('words.patch', text).message).toContain(
      'the hunk @@ -1,1 +1,1 @@ of src/a.ts ends after 0 of its lines',
    );
  });

  it('accepts a hunk that ends with no newline at the end of the file', () => {
    const text = [...header, '@@ -1 +1 @@', '-a', '\\ No newline at end of file', '+b', ''];
    expect(readPatch('ok.patch', text.join('\n')).files[0]).toMatchObject({
      additions: 1,
      deletions: 1,
    });
  });
});

describe('readPatch on what git writes', () => {
  let repo: TestGitRepo;
  const shas: string[] = [];

  beforeAll(() => {
    repo = createTestGitRepo();
    const commit = (message: string, files: Record<string, string | null>) =>
      shas.push(repo.commit({ message, files, date: `2026-01-0${shas.length + 1}T00:00:00Z` }));
    commit('base', { 'src/a.ts': 'one\ntwo\nthree\n', 'docs/b.md': 'b\n', 'tool.sh': 'echo\n' });
    commit('edit a', { 'src/a.ts': 'one\nTWO\nthree\n' });
    commit('edit b', { 'docs/b.md': 'b\nmore\n' });
    commit('undo the edit of a', { 'src/a.ts': 'one\ntwo\nthree\n' });
    commit('rename b', { 'docs/b.md': null, 'docs/renamed.md': 'b\nmore\n' });
  });

  afterAll(() => repo.remove());

  const formatPatch = (range: string) => repo.git(['format-patch', '--stdout', range]);

  it('accepts a series of commits that change different files, counting each file once', () => {
    const diff = readPatch('series.patch', formatPatch(`${shas[0]}..${shas[2]}`));
    expect(diff.files.map((file) => [file.path, file.additions, file.deletions])).toEqual([
      ['src/a.ts', 1, 1],
      ['docs/b.md', 1, 0],
    ]);
  });

  it('refuses a series in which two commits change one file, naming it and the range to diff', () => {
    const error = refusal('series.patch', formatPatch(`${shas[0]}..${shas[3]}`));
    const [first, last] = [shas[1]!.slice(0, 12), shas[3]!.slice(0, 12)];
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `series.patch holds 3 commits, and 2 of them change src/a.ts (${first}, ${last}): their lines cannot be added up to what the whole change does to it. To resolve, classify the range as one diff: git diff ${first}^..${last} > change.patch`,
    );
    // The range it names is the change itself: here, the edit and its undoing cancel out.
    const range = repo.git(['diff', '--numstat', `${first}^..${last}`]);
    expect(range).toBe('1\t0\tdocs/b.md\n');
  });

  it('refuses a series that edits a file and then renames it', () => {
    const error = refusal('series.patch', formatPatch(`${shas[1]}..${shas[4]}`));
    expect(error.message).toContain('change docs/b.md');
  });

  it('names the oldest commit first for git log -p, which lists the newest first', () => {
    const log = repo.git(['log', '-p', `${shas[0]}..${shas[3]}`]);
    const [oldest, newest] = [shas[1]!.slice(0, 12), shas[3]!.slice(0, 12)];
    expect(refusal('log.patch', log).message).toContain(`git diff ${oldest}^..${newest}`);
  });

  it('refuses one diff pasted after another without commit headers', () => {
    const twice =
      repo.git(['diff', `${shas[0]}..${shas[1]}`]) + repo.git(['diff', `${shas[2]}..${shas[3]}`]);
    expect(refusal('twice.patch', twice).message).toBe(
      'twice.patch lists src/a.ts more than once: it holds several diffs one after another. To resolve, classify one git diff of the whole change',
    );
  });

  it('accepts a mode-only change and a pure rename, which have a git header and no hunks', () => {
    repo.git(['update-index', '--chmod=+x', 'tool.sh']);
    const mode = repo.git(['diff', '--cached']);
    repo.git(['reset', '-q']);
    expect(readPatch('mode.patch', mode).files).toMatchObject([
      { path: 'tool.sh', status: 'modified', additions: 0, deletions: 0 },
    ]);
    const rename = repo.git(['diff', '-M', `${shas[3]}..${shas[4]}`]);
    expect(readPatch('rename.patch', rename).files).toMatchObject([
      { path: 'docs/renamed.md', previousPath: 'docs/b.md', status: 'renamed' },
    ]);
  });

  it('accepts git show of one commit', () => {
    const diff = readPatch('show.patch', repo.git(['show', shas[2]!]));
    expect(diff.files.map((file) => file.path)).toEqual(['docs/b.md']);
  });
});

describe('readPatch on a series that changes a file type', () => {
  // git log -p --reverse of two commits: one deletes the symlink X, the next adds a regular file X.
  const log = [
    'commit 1111111111111111111111111111111111111111',
    'Author: A <a@example.com>',
    '',
    '    remove the link',
    '',
    'diff --git a/X b/X',
    'deleted file mode 120000',
    'index 7ed6ff8..0000000',
    '--- a/X',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    '-t',
    '\\ No newline at end of file',
    'commit 2222222222222222222222222222222222222222',
    'Author: A <a@example.com>',
    '',
    '    add the file',
    '',
    'diff --git a/X b/X',
    'new file mode 100644',
    'index 0000000..4c5b43c',
    '--- /dev/null',
    '+++ b/X',
    '@@ -0,0 +1 @@',
    '+regular',
    '',
  ].join('\n');

  it('reads it as one type change, as git diff of the range counts it', () => {
    const diff = readPatch('log.patch', log);

    expect(diff.files).toHaveLength(1);
    expect(diff.files[0]).toMatchObject({
      path: 'X',
      status: 'modified',
      additions: 1,
      deletions: 1,
    });
  });

  it('reads the same from the bytes of the file', () => {
    expect(readPatch('log.patch', new TextEncoder().encode(log))).toEqual(
      readPatch('log.patch', log),
    );
  });
});
