import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGitRepo, numberedLines, type TestGitRepo } from '../calibrate/test-git-repo.js';
import { loadPriceTable } from '../ledger/price-table.js';
import { requireModel } from '../ledger/price-rows.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { runCli } from './main.js';
import { captureCliIo } from './test-cli-io.js';

let repo: TestGitRepo;
let first: string;
let fix: string;
let change: string;

beforeAll(() => {
  repo = createTestGitRepo();
  first = repo.commit({
    message: 'add the parser',
    date: '2025-01-01T00:00:00Z',
    files: { 'src/parser.js': numberedLines('parse', 5) },
  });
  fix = repo.commit({
    message: 'fix: parser crash on empty input',
    date: '2025-02-01T00:00:00Z',
    files: { 'src/parser.js': numberedLines('parse', 6) },
  });
  change = repo.commit({
    message: 'feat: options',
    date: '2025-03-01T00:00:00Z',
    files: { 'src/parser.js': numberedLines('parse', 9), 'docs/a.md': 'hello\n' },
  });
});
afterAll(() => repo.remove());

const classify = async (args: readonly string[]) => {
  const { io, out, err } = captureCliIo();
  const code = await runCli(['classify', '--git-dir', repo.dir, ...args], io, {});
  return { code, out, err };
};

describe('review-router classify --git-dir --commit', () => {
  it('prints the classify object of a commit, with signals from the history before it', async () => {
    const { code, out } = await classify(['--commit', change, '--json']);
    expect(code).toBe(0);
    const record = JSON.parse(out[0] ?? '') as {
      file: string;
      additions: number;
      files: { path: string }[];
      risk: { signals: { id: string; message: string }[] };
      route: { tier: string };
      estimate: { inputTokens: number };
    };
    expect(record.file).toBe(change);
    expect(record.additions).toBe(4);
    expect(record.files.map((file) => file.path)).toEqual(['docs/a.md', 'src/parser.js']);
    expect(record.risk.signals.map((signal) => signal.id)).toEqual(
      expect.arrayContaining(['fix-history', 'change-history', 'source-churn']),
    );
    expect(record.risk.signals.find((s) => s.id === 'fix-history')?.message).toBe(
      'changes src/parser.js, which 1 fix commit changed in the year before',
    );
    expect(record.estimate.inputTokens).toBeGreaterThan(0);
  });

  it('gives the first commit no history signal, and never counts a commit in its own history', async () => {
    const before = await classify(['--commit', first, '--json']);
    const ids = (JSON.parse(before.out[0] ?? '') as { risk: { signals: { id: string }[] } }).risk
      .signals;
    expect(ids.map((signal) => signal.id)).not.toContain('change-history');
    const own = await classify(['--commit', fix, '--json']);
    const signals = (JSON.parse(own.out[0] ?? '') as { risk: { signals: { id: string }[] } }).risk
      .signals;
    expect(signals.map((signal) => signal.id)).not.toContain('fix-history');
    expect(signals.map((signal) => signal.id)).toContain('change-history');
  });

  it('refuses a commit that changes nothing, as it refuses an empty patch', async () => {
    const empty = repo.commit({ message: 'nothing', date: '2025-04-01T00:00:00Z', files: {} });
    const { code, out, err } = await classify(['--commit', empty, '--json']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(`${empty} changes no file, so there is nothing to classify`);
  });

  it('estimates within MAX_INPUT_TOKENS, as the app does', async () => {
    const big = repo.commit({
      message: 'feat: a long table',
      date: '2025-05-01T00:00:00Z',
      files: { 'src/table.js': numberedLines('row', 2_000) },
    });
    const inputTokens = async (variables: Record<string, string>) => {
      const { io, out } = captureCliIo();
      const code = await runCli(
        ['classify', '--git-dir', repo.dir, '--commit', big, '--json'],
        io,
        variables,
      );
      expect(code).toBe(0);
      return (JSON.parse(out[0] ?? '') as { estimate: { inputTokens: number } }).estimate
        .inputTokens;
    };
    expect(await inputTokens({})).toBeGreaterThan(5_000);
    expect(await inputTokens({ MAX_INPUT_TOKENS: '5000' })).toBeLessThanOrEqual(5_000);
    const { io, err } = captureCliIo();
    const code = await runCli(['classify', '--git-dir', repo.dir, '--commit', big], io, {
      MAX_INPUT_TOKENS: 'lots',
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(
      'MAX_INPUT_TOKENS: expected a whole number of at least 1000, got "lots"',
    );
  });

  it('refuses an unknown commit, and diff files with --commit, with exit 2', async () => {
    const unknown = await classify(['--commit', 'no-such-commit']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.join('\n')).toMatch(/--commit no-such-commit: no such commit/);
    const both = await classify(['--commit', change, 'a.patch']);
    expect(both.code).toBe(2);
    expect(both.err.join('\n')).toMatch(/either diff files or --commit SHA/);
  });

  it('refuses the edge of a shallow clone rather than classify the whole tree as added', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-router-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, dir]);
      const { io, out, err } = captureCliIo();
      const code = await runCli(
        ['classify', '--git-dir', dir, '--commit', 'HEAD', '--json'],
        io,
        {},
      );
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(
        /--commit HEAD: [0-9a-f]{12} is at the edge of a shallow clone, so git has not fetched its parent/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which commits a short SHA could mean, rather than that there is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-router-ambiguous-'));
    try {
      execFileSync('git', ['init', '-q', dir]);
      // 2,000 commits in one fast-import: some two of them start with the same four hex digits.
      const stream = Array.from(
        { length: 2_000 },
        (_, index) =>
          `commit refs/heads/main\ncommitter T <t@example.com> ${1_700_000_000 + index} +0000\ndata ${`c${index}`.length}\nc${index}\n`,
      ).join('');
      execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: stream });
      const shas = execFileSync('git', ['-C', dir, 'rev-list', 'main']).toString().split('\n');
      const seen = new Set<string>();
      const prefix = shas
        .map((sha) => sha.slice(0, 4))
        .find((start) => {
          if (seen.has(start)) return true;
          seen.add(start);
          return false;
        });
      expect(prefix).toBeDefined();
      const { io, err } = captureCliIo();
      const code = await runCli(['classify', '--git-dir', dir, '--commit', prefix ?? ''], io, {});
      expect(code).toBe(2);
      expect(err.join('\n')).toMatch(
        new RegExp(
          `--commit ${prefix}: more than one commit in .* starts with it: ${prefix}[0-9a-f]* \\(\\d{4}-\\d{2}-\\d{2}, c\\d+\\), ${prefix}`,
        ),
      );
      expect(err.join('\n')).toContain('To resolve, give more of its characters');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('estimates with the code context the app would send, which a patch file cannot have', async () => {
    const other = createTestGitRepo();
    try {
      // A long file of which one line changes: the deep tier gets it whole, about 4,000 tokens.
      const text = (changed: boolean) =>
        Array.from(
          { length: 400 },
          (_, index) => `export const v${index} = ${changed && index === 200 ? 'x' : index};\n`,
        ).join('');
      other.commit({
        message: 'first',
        date: '2026-01-01T00:00:00Z',
        files: { 'src/v.ts': text(false) },
      });
      const sha = other.commit({
        message: 'one line',
        date: '2026-01-02T00:00:00Z',
        files: { 'src/v.ts': text(true) },
      });
      const patch = join(other.dir, 'change.patch');
      writeFileSync(patch, other.git(['show', '--format=', sha]));
      type Record = { estimate: { costUsd: { deep: number } } };
      const run = async (args: readonly string[]) => {
        const { io, out } = captureCliIo();
        expect(await runCli(['classify', '--json', ...args], io, {})).toBe(0);
        return JSON.parse(out[0] ?? '') as Record;
      };
      const fromCommit = await run(['--git-dir', other.dir, '--commit', sha]);
      const fromPatch = await run([patch]);
      const deepInput = requireModel(loadPriceTable(), DEFAULT_POLICY.models.deep.model).input;
      expect(fromCommit.estimate.costUsd.deep - fromPatch.estimate.costUsd.deep).toBeGreaterThan(
        (3_000 * deepInput) / 1e6,
      );
    } finally {
      other.remove();
    }
  });

  it('never reads --commit as an option of git', async () => {
    const { code, err } = await classify(['--commit=--all', '--json']);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--commit --all: no such commit');
  });
});
