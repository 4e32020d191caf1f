import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommitPatches } from './read-commit-patches.js';
import { createRecordSeparator, GitError, runGit, splitAtSeparator } from './run-git.js';
import { createTestGitRepo, type TestGitRepo } from './test-git-repo.js';

/** The bytes as an async stream cut at these offsets. */
const chunksOf = (bytes: Buffer, cuts: readonly number[]): AsyncIterable<Buffer> => {
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return (async function* () {
    for (const chunk of chunks) yield await Promise.resolve(chunk);
  })();
};

const collect = async (source: AsyncIterable<Buffer>) => {
  const records: string[] = [];
  for await (const record of source) records.push(record.toString('latin1'));
  return records;
};

describe('splitAtSeparator', () => {
  const separator = Buffer.from('\u0000\u0001sep\u0001');
  const text = Buffer.from(
    'one\u0000\u0001sep\u0001two\u0000 not a separator\u0000\u0001sep\u0001three',
  );

  it('finds every separator wherever a chunk boundary cuts it', async () => {
    for (let cut = 0; cut <= text.length; cut += 1) {
      for (let second = cut; second <= text.length; second += 3) {
        expect(await collect(splitAtSeparator(chunksOf(text, [cut, second]), separator))).toEqual([
          'one',
          'two\u0000 not a separator',
          'three',
        ]);
      }
    }
  });

  it('gives one empty record for empty input', async () => {
    expect(await collect(splitAtSeparator(chunksOf(Buffer.alloc(0), []), separator))).toEqual(['']);
  });
});

describe('createRecordSeparator', () => {
  it('is different for every stream', () => {
    expect(createRecordSeparator().format).not.toBe(createRecordSeparator().format);
  });
});

describe('git on a real repository', () => {
  let repo: TestGitRepo;
  beforeAll(() => {
    repo = createTestGitRepo();
    // git calls a file binary only when a NUL is in its first 8,000 bytes: this one is text.
    repo.commit({ files: { 'a.txt': 'a\n' }, message: 'First', date: '2024-01-01T00:00:00Z' });
    repo.commit({
      files: { 'a.txt': `${'x'.repeat(9000)}\nnul\u0000inside\nb\n` },
      message: 'Second\n\nwith a body',
      date: '2024-01-02T00:00:00Z',
    });
  });
  afterAll(() => repo.remove());

  it('reads every commit and its patch, even one with a NUL in its text', async () => {
    const commits = [];
    for await (const commit of readCommitPatches({ gitDir: repo.gitDir })) commits.push(commit);
    expect(commits.map((c) => c.message)).toEqual(['Second\n\nwith a body', 'First']);
    expect(commits.map((c) => [c.diff.additions, c.diff.deletions])).toEqual([
      [3, 1],
      [1, 0],
    ]);
  });

  it('rejects with the arguments and what git said', async () => {
    const failure = await runGit(repo.gitDir, ['show', 'no-such-revision']).catch((e) => e);
    expect(failure).toBeInstanceOf(GitError);
    expect((failure as GitError).context.args).toEqual(['show', 'no-such-revision']);
    expect((failure as GitError).message).toContain('no-such-revision');
  });
});
