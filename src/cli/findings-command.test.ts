import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postedFinding } from '../ledger/finding-feedback.contract.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import { runCli } from './main.js';
import { captureCliIo } from './test-cli-io.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'findings-command-'));
  const ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
  await ledger.migrate();
  await ledger.recordFindings([
    postedFinding({ fingerprint: 'a'.repeat(32), postedAt: '2026-11-01T10:00:00.000Z' }),
    postedFinding({ fingerprint: 'b'.repeat(32), repo: 'acme/web', category: 'style' }),
  ]);
  await ledger.settleFindings({
    repo: 'acme/api',
    pr: 42,
    at: '2026-11-22T10:00:00.000Z',
    settlements: [{ fingerprint: 'a'.repeat(32), outcome: 'acted-on', closeSignals: ['+1'] }],
  });
  await ledger.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const { io, out, err } = captureCliIo();
  const status = await runCli(['findings', ...args], io, { DATA_DIR: dir });
  return { status, out: out.join('\n'), err: err.join('\n') };
};

describe('review-router findings', () => {
  it('prints a table of findings, newest first, with their outcome and signals', async () => {
    const { status, out } = await run();
    expect(status).toBe(0);
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/postedAt.*repo.*pr.*path.*outcome.*signals.*costUsd.*fingerprint/);
    expect(lines[3]).toMatch(/2026-11-21 10:00 .*acme\/web.*src\/a\.ts:3.*open/);
    expect(lines[4]).toMatch(/acme\/api.*acted-on.*\+1.*aaaaaaaa/);
  });

  it('filters by repository and date, and prints CSV groups with their rates', async () => {
    const since = await run('--since', '2026-11-15', '--format', 'json');
    expect(JSON.parse(since.out)).toMatchObject([{ repo: 'acme/web' }]);
    const repo = await run('--repo', 'acme/api', '--format', 'json');
    expect(JSON.parse(repo.out)).toMatchObject([{ repo: 'acme/api', outcome: 'acted-on' }]);
    const csv = await run('--group-by', 'repo', '--format', 'csv');
    expect(csv.out.split('\n')[0]).toBe(
      'repo,findings,actedOn,dismissed,noSignal,open,actedOnRate,costUsd,costPerActedOnUsd',
    );
    expect(csv.out).toContain('acme/api,1,1,0,0,0,1,');
  });

  it('takes --until as exclusive, as costs does', async () => {
    const until = await run('--until', '2026-11-15', '--format', 'json');
    expect(JSON.parse(until.out)).toMatchObject([{ repo: 'acme/api' }]);
    const window = await run(
      '--since',
      '2026-11-21T10:00:00Z',
      '--until',
      '2026-11-21T10:00:00.001Z',
      '--format',
      'json',
    );
    expect(JSON.parse(window.out)).toMatchObject([{ repo: 'acme/web' }]);
  });

  it('prints the CSV header even when no finding matches, and each finding under it', async () => {
    const header =
      'repo,pr,fingerprint,path,line,tier,provider,model,category,severity,outcome,signals,postedAt,costUsd';
    const none = await run('--repo', 'acme/none', '--format', 'csv');
    expect(none.status).toBe(0);
    expect(none.out.trim()).toBe(header);
    const some = await run('--repo', 'acme/web', '--format', 'csv');
    expect(some.out.split('\n')[0]).toBe(header);
    expect(some.out.split('\n')[1]).toMatch(/^acme\/web,42,b{32},src\/a\.ts,3,fast,/);
  });

  it.each([
    [
      ['--group-by', 'month'],
      '--group-by month: expected a comma-separated list of tier, model, category, severity, repo',
    ],
    [['--format', 'xml'], '--format xml: expected one of table, json, csv'],
    [['--since', 'soon'], '--since soon: expected a date such as 2026-11-01'],
    [['--since', '2026-11-31'], '--since 2026-11-31: expected a date such as 2026-11-01'],
    [['--repo', 'acme'], '--repo acme: expected OWNER/NAME'],
    [
      ['--since', '2026-11-15', '--until', '2026-11-15'],
      '--until is exclusive, so it must come after --since',
    ],
  ])('refuses %j with exit 2 and says what it expected', async (args, message) => {
    const { status, err } = await run(...args);
    expect(status).toBe(2);
    expect(err).toContain(message);
  });
});
