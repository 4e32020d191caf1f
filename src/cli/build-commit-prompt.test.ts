import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestGitRepo } from '../calibrate/test-git-repo.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { buildCommitPrompt } from './build-commit-prompt.js';
import { classifyCommit } from './classify-commit.js';
import { runCli } from './main.js';
import { promptRecord } from './prompt-command.js';
import { captureCliIo } from './test-cli-io.js';

// Built from parts so no literal key sits in the source; not AWS's documented example key, which is a placeholder.
const KEY = ['AKIA', 'Q7J2XK9L', 'MN3PW5RT'].join('');
const repo = createTestGitRepo();
afterAll(() => repo.remove());

const math = (withTriple: boolean) =>
  [
    'export function double(n: number): number {',
    `  const key = '${KEY}';`,
    '  return n * 2 + key.length * 0;',
    '}',
    ...(withTriple ? ['export function triple(n: number): number {', '  return n * 3;', '}'] : []),
    '',
  ].join('\n');

const app = (body: string) =>
  [
    "import { double } from './lib/math.js';",
    '',
    'export function run(n: number): number {',
    `  ${body}`,
    '}',
    '',
  ].join('\n');

const base = repo.commit({
  message: 'base',
  date: '2026-01-01T00:00:00Z',
  files: {
    'src/lib/math.ts': math(true),
    'src/app.ts': app('return n;'),
    'src/report.ts':
      "import { triple } from './lib/math.js';\nexport const report = (n: number) => triple(n);\n",
    'test/app.test.ts':
      "import { run } from '../src/app.js';\nit('runs', () => expect(run(1)).toBe(2));\n",
  },
});
const head = repo.commit({
  message: 'double, and drop triple',
  date: '2026-01-02T00:00:00Z',
  files: { 'src/lib/math.ts': math(false), 'src/app.ts': app('return double(n);') },
});

const build = (tier: 'fast' | 'deep') =>
  buildCommitPrompt({
    gitDir: repo.gitDir,
    commit: head,
    tier,
    policy: DEFAULT_POLICY,
    prices: loadPriceTable(),
  });

describe('buildCommitPrompt', () => {
  it('gives the fast tier the function around each change, deletions included', async () => {
    const built = await build('fast');
    expect(
      built.prompt.contextEntries.map((entry) => `${entry.kind} ${entry.path} ${entry.symbol}`),
    ).toEqual(['function src/app.ts run', 'function src/lib/math.ts double']);
  });

  it('gives the deep tier whole files, the callers of changed and removed code, and their tests', async () => {
    const record = promptRecord(await build('deep'));
    const kinds = record.context.map(
      (entry) => `${entry.kind} ${entry.path}${entry.symbol === null ? '' : ` ${entry.symbol}`}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'file src/app.ts',
        'file src/lib/math.ts',
        'caller src/report.ts triple',
        // The test is also the caller of the changed function: shown once.
        'caller test/app.test.ts run',
      ]),
    );
    const caller = record.context.find((entry) => entry.kind === 'caller');
    expect(caller?.reason).toBe(
      'uses triple, which this change removes or renames in src/lib/math.ts',
    );
    expect(record.tokens.total).toBe(
      record.tokens.system + record.tokens.context + record.tokens.diff,
    );
    expect(record.tier).toBe('deep');
    expect(record.model).toBe('claude-opus-4-6');
  });

  it('redacts a secret in context files exactly as in the diff', async () => {
    const record = promptRecord(await build('deep'));
    expect(record.prompt.context).toContain('[REDACTED:aws-access-key-id]');
    expect(JSON.stringify(record)).not.toContain(KEY);
  });
});

describe('review-router prompt --git-dir', () => {
  it.each([
    ['the work tree', () => repo.dir],
    ['a folder in it', () => join(repo.dir, 'src', 'lib')],
    ['its .git directory', () => repo.gitDir],
  ])('reads the repository from %s', async (_where, path) => {
    const { io, out, err } = captureCliIo();
    const code = await runCli(['prompt', '--git-dir', path(), '--commit', head, '--json'], io, {});
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '')).toMatchObject({ commit: head });
  });

  it("reads a repository's first commit against git's empty tree", async () => {
    const { io, out, err } = captureCliIo();
    const code = await runCli(
      ['prompt', '--git-dir', repo.dir, '--commit', base, '--json'],
      io,
      {},
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const record = JSON.parse(out[0] ?? '') as { prompt: { user: string } };
    expect(record.prompt.user).toContain('src/report.ts');
  });

  it('reads the first commit of a SHA-256 repository too', async () => {
    const other = createTestGitRepo({ objectFormat: 'sha256' });
    try {
      const root = other.commit({
        message: 'first',
        date: '2026-01-01T00:00:00Z',
        files: { 'src/a.ts': 'export const a = 1;\n' },
      });
      expect(root).toHaveLength(64);
      const { io, out, err } = captureCliIo();
      const code = await runCli(
        ['prompt', '--git-dir', other.dir, '--commit', root, '--json'],
        io,
        {},
      );
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect((JSON.parse(out[0] ?? '') as { prompt: { user: string } }).prompt.user).toContain(
        'src/a.ts',
      );
    } finally {
      other.remove();
    }
  });

  it('builds within MAX_INPUT_TOKENS, as the app does', async () => {
    const tokensWith = async (variables: Record<string, string>) => {
      const { io, out } = captureCliIo();
      expect(
        await runCli(
          ['prompt', '--git-dir', repo.dir, '--commit', head, '--tier', 'deep', '--json'],
          io,
          variables,
        ),
      ).toBe(0);
      return JSON.parse(out[0] ?? '') as {
        tokens: { total: number };
        leftOut: { path: string; reason: string }[];
      };
    };
    const whole = await tokensWith({});
    expect(whole.tokens.total).toBeGreaterThan(1_500);
    const small = await tokensWith({ MAX_INPUT_TOKENS: '1500' });
    expect(small.tokens.total).toBeLessThanOrEqual(1_500);
    expect(small.leftOut.length).toBeGreaterThan(0);
  });

  it('says so when the folder is not in a repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'review-router-not-a-repo-'));
    try {
      const { io, err } = captureCliIo();
      const code = await runCli(['prompt', '--git-dir', outside, '--commit', head], io, {});
      expect(code).toBe(2);
      expect(err.join('\n')).toContain(
        `--git-dir ${outside}: not a git repository (or a folder in one)`,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('never reads --commit as an option of git, and names a range as no commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-router-victim-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep\n');
    try {
      for (const rev of [`--output=${victim}`, `${base}..${head}`]) {
        const { io, out, err } = captureCliIo();
        const code = await runCli(['prompt', '--git-dir', repo.dir, `--commit=${rev}`], io, {});
        expect(code).toBe(2);
        expect(out).toEqual([]);
        expect(err.join('\n')).toContain(`no commit ${rev} in `);
      }
      expect(readFileSync(victim, 'utf8')).toBe('keep\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses the edge of a shallow clone, whose parent git has not fetched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-router-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, dir]);
      const { io, out, err } = captureCliIo();
      const code = await runCli(['prompt', '--git-dir', dir, '--commit', 'HEAD'], io, {});
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toContain(
        `--commit HEAD: ${head.slice(0, 12)} is at the edge of a shallow clone`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the same prompt whatever the user's git settings for diffs", async () => {
    const plain = await build('deep');
    const settings = ['diff.noprefix', 'diff.mnemonicPrefix', 'diff.submodule'] as const;
    const values = ['true', 'true', 'log'];
    settings.forEach((key, i) => repo.git(['config', key, values[i] ?? '']));
    try {
      const configured = await build('deep');
      expect(configured.prompt.prompt).toContain('### src/lib/math.ts');
      expect(configured.prompt.prompt).toBe(plain.prompt.prompt);
      expect(configured.prompt.context).toBe(plain.prompt.context);
      expect(configured.context.items.length).toBe(plain.context.items.length);
    } finally {
      for (const key of settings) repo.git(['config', '--unset', key]);
    }
  });

  it('refuses a commit that changes nothing, saying so', async () => {
    const other = createTestGitRepo();
    try {
      other.commit({ message: 'first', date: '2026-01-01T00:00:00Z', files: { 'a.ts': 'a\n' } });
      const empty = other.commit({ message: 'nothing', date: '2026-01-02T00:00:00Z', files: {} });
      const { io, out, err } = captureCliIo();
      const code = await runCli(['prompt', '--git-dir', other.dir, '--commit', empty], io, {});
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toContain(`${empty} changes no file, so there is no prompt to build`);
    } finally {
      other.remove();
    }
  });

  it('classifies with the history before the commit, as classify --commit and the app do', async () => {
    const built = await build('fast');
    const classified = await classifyCommit({
      gitDir: repo.gitDir,
      commit: head,
      policy: DEFAULT_POLICY,
      prices: loadPriceTable(),
    });
    expect(built.classification.risk.signals.map((signal) => signal.id)).toContain(
      'history-baseline',
    );
    expect(built.classification.risk.score).toBe(classified.risk.score);
    expect(built.classification.risk.level).toBe(classified.risk.level);
  });

  it('leaves lockfiles and generated code out of the prompt and says so, as the app does', async () => {
    const other = createTestGitRepo();
    try {
      other.commit({ message: 'first', date: '2026-01-01T00:00:00Z', files: { 'a.ts': 'a\n' } });
      const sha = other.commit({
        message: 'dependencies',
        date: '2026-01-02T00:00:00Z',
        files: {
          'a.ts': 'export const a = 1;\n',
          'pnpm-lock.yaml': 'lockfileVersion: 9.0\npackages:\n  left-pad@1.3.0: {}\n',
        },
      });
      const built = await buildCommitPrompt({
        gitDir: other.gitDir,
        commit: sha,
        policy: DEFAULT_POLICY,
        prices: loadPriceTable(),
      });
      const record = promptRecord(built);
      expect(record.prompt.user).not.toContain('left-pad');
      expect(record.prompt.user).toContain('export const a = 1;');
      expect(record.leftOut).toContainEqual({ path: 'pnpm-lock.yaml', reason: 'lockfile' });
      expect(built.classification.changedFiles).toBe(2);
    } finally {
      other.remove();
    }
  });

  it("reads only the variables it uses, not the app's whole environment", async () => {
    const ok = captureCliIo();
    const args = ['prompt', '--git-dir', repo.dir, '--commit', head, '--json'];
    expect(await runCli(args, ok.io, { APP_ID: 'not-a-number', WEBHOOK_SECRET: '' })).toBe(0);
    expect(JSON.parse(ok.out.join('\n'))).toMatchObject({ commit: head });
    const bad = captureCliIo();
    expect(await runCli(args, bad.io, { MAX_INPUT_TOKENS: 'lots' })).toBe(2);
    expect(bad.err.join('\n')).toContain(
      'MAX_INPUT_TOKENS: expected a whole number of at least 1000, got "lots"',
    );
  });
});
