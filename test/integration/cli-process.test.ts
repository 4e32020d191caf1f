/**
 * The `review-router` command as a real process, run from its TypeScript source: what only a
 * process shows (its working directory's ./.env, its exit status, a reader that goes away).
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestHistory, type TestHistory } from '../../src/calibrate/test-history.js';
import { sampleEntry } from '../../src/ledger/sample-entry.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';

const ROOT = join(import.meta.dirname, '../..');
const PATCHES = join(ROOT, 'test/fixtures/patches');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in `cwd` with only the variables given (no DATABASE_URL or DATA_DIR of the test
 * run's). `closeAfterFirstChunk` reads the first chunk of stdout and closes the pipe, as
 * `| head -1` does.
 */
const runProcess = (
  args: readonly string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    closeAfterFirstChunk?: boolean;
    /** A file stdout is written to instead of a pipe (its stdout is then empty here). */
    stdoutTo?: string;
  },
): Promise<Run> =>
  new Promise((resolve, reject) => {
    const stdoutFd = options.stdoutTo === undefined ? null : openSync(options.stdoutTo, 'w');
    const child = spawn(
      process.execPath,
      [
        '--no-warnings',
        '--import',
        join(ROOT, 'scripts/typescript-hooks.mjs'),
        join(ROOT, 'src/cli/run.ts'),
        ...args,
      ],
      {
        cwd: options.cwd,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
        stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
      },
    );
    if (stdoutFd !== null) closeSync(stdoutFd);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (options.closeAfterFirstChunk) child.stdout?.destroy();
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const seedLedger = async (dataDir: string, count: number): Promise<void> => {
  const ledger = openSqliteLedger({ file: join(dataDir, 'ledger.sqlite') });
  await ledger.migrate();
  for (let index = 0; index < count; index += 1) {
    await ledger.record(
      sampleEntry({
        deliveryId: `delivery-${index}`,
        reason: `risk medium: a reason long enough to fill a CSV line, number ${index}`,
        startedAt: new Date(Date.UTC(2026, 10, 1) + index * 60_000).toISOString(),
      }),
    );
  }
  await ledger.close();
};

describe('review-router as a process', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rr-cli-process-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads DATA_DIR from ./.env in its working directory, over the shell's value", async () => {
    await seedLedger(join(dir, 'from-dotenv'), 1);
    writeFileSync(join(dir, '.env'), 'DATA_DIR=./from-dotenv\n');
    const run = await runProcess(['costs', '--format', 'json'], {
      cwd: dir,
      env: { DATA_DIR: join(dir, 'from-shell') },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((row: { deliveryId: string }) => row.deliveryId)).toEqual([
      'delivery-0',
    ]);
  });

  it('stops with exit 2 and the message, without a stack trace, when ./.env is invalid', async () => {
    writeFileSync(join(dir, '.env'), 'PORT=eighty\n');
    const run = await runProcess(['costs'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'review-router: PORT: expected a port number from 1 to 65535. To resolve, fix PORT and restart.\n',
    );
  });

  it('ends quietly with exit 0 when the reader of classify output goes away', async () => {
    const files = Array.from({ length: 1000 }, () => 'format-patch.patch');
    const run = await runProcess(['classify', ...files], {
      cwd: PATCHES,
      closeAfterFirstChunk: true,
    });
    expect(run.stdout).toMatch(/^format-patch\.patch: 3 files/);
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  // /dev/full is Linux's device that refuses every write with ENOSPC, as a full disk does.
  it.skipIf(!existsSync('/dev/full'))(
    'says in one line, with exit 1, that its output could not be written to a full disk',
    async () => {
      const run = await runProcess(['classify', '--json', 'format-patch.patch'], {
        cwd: PATCHES,
        stdoutTo: '/dev/full',
      });
      expect(run.stderr).toBe(
        'review-router: cannot write the output: ENOSPC: no space left on device, write\n',
      );
      expect(run.code).toBe(1);
    },
  );

  it('ends quietly with exit 0 when the reader of costs --format csv goes away', async () => {
    await seedLedger(join(dir, 'data'), 3000);
    const run = await runProcess(['costs', '--format', 'csv'], {
      cwd: dir,
      closeAfterFirstChunk: true,
    });
    expect(run.stdout).toMatch(/^deliveryId,repo,pr,/);
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('review-router calibrate without --git-dir', () => {
  let history: TestHistory;
  let elsewhere: string;
  beforeAll(() => {
    history = createTestHistory();
    elsewhere = mkdtempSync(join(tmpdir(), 'rr-cli-process-'));
  });
  afterAll(() => {
    history.repo.remove();
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('measures the repository of the current directory, from any folder in it', async () => {
    const folder = join(history.repo.dir, 'src');
    mkdirSync(folder, { recursive: true });
    const run = await runProcess(['calibrate', '--json'], { cwd: folder });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'ok',
      bugInducing: history.bugInducing.length,
    });
  });

  it('says the current directory is not a repository, with exit 2', async () => {
    const run = await runProcess(['calibrate'], { cwd: elsewhere });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a git repository (or a folder in one)');
    expect(run.stderr).toContain('pass --git-dir PATH');
  });
});
