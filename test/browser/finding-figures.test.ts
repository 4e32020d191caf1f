/**
 * The findings figures on the report page equal the `findings` command's, in headless Chromium:
 * acted-on rate and cost per acted-on finding by tier and model, and by category, read from the
 * rendered tables and compared with `findings --group-by … --format json` over the same ledger.
 * Skipped, with the reason, where /usr/bin/chromium is not installed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/main.js';
import { postedFinding } from '../../src/ledger/finding-feedback.contract.js';
import type { ReportReader } from '../../src/ledger/report-queries.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import { openSqliteReportReader } from '../../src/ledger/sqlite/open-sqlite-report-reader.js';
import type { LedgerStore } from '../../src/ledger/types.js';
import { createReportHandler } from '../../src/report/create-report-handler.js';
import { startTestHttpServer, type TestHttpServer } from '../../src/report/test-http-server.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-test-token';
const DEEP = { tier: 'deep', provider: 'anthropic', model: 'claude-opus-4-6' } as const;

/** fingerprint digit, tier, category, cost share, outcome at close (undefined: still open). */
const SEEDS = [
  ['1', 'fast', 'bug', 0.0021, 'acted-on'],
  ['2', 'fast', 'bug', 0.0021, 'dismissed'],
  ['3', 'fast', 'style', 0.0013, 'no-signal'],
  ['4', 'fast', 'style', 0.0013, undefined],
  ['5', 'deep', 'bug', 0.0734, 'acted-on'],
  ['6', 'deep', 'security', 0.0734, 'acted-on'],
  ['7', 'deep', 'style', 0.0734, 'dismissed'],
] as const;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`findings browser test skipped: ${CHROMIUM} is not installed`);

describe.skipIf(!hasChromium)(`findings figures in headless Chromium (needs ${CHROMIUM})`, () => {
  let dir: string;
  let ledger: LedgerStore;
  let reports: ReportReader;
  let server: TestHttpServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'review-router-findings-'));
    ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
    await ledger.migrate();
    for (const [digit, tier, category, costUsd, outcome] of SEEDS) {
      const pr = { repo: 'acme/api', pr: Number(digit) };
      await ledger.recordFindings([
        postedFinding({
          ...pr,
          fingerprint: digit.repeat(32),
          ...(tier === 'deep' ? DEEP : {}),
          category,
          costUsd,
        }),
      ]);
      if (outcome !== undefined)
        await ledger.settleFindings({
          ...pr,
          at: '2026-11-23T10:00:00.000Z',
          settlements: [{ fingerprint: digit.repeat(32), outcome, closeSignals: [] }],
        });
    }
    reports = openSqliteReportReader({ file: join(dir, 'ledger.sqlite') });
    server = await startTestHttpServer(createReportHandler({ reports, token: TOKEN }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await reports?.close();
    await ledger?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (groupBy: string): Promise<Array<Record<string, unknown>>> => {
    const out: string[] = [];
    const io: CliIo = {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      readStdin: () => Promise.resolve(''),
    };
    const argv = ['findings', '--group-by', groupBy, '--format', 'json'];
    expect(await runCli(argv, io, { DATA_DIR: dir })).toBe(0);
    return JSON.parse(out.join('\n')) as Array<Record<string, unknown>>;
  };

  /** Each row of a findings table as the figures its cells carry. */
  const readTable = async (id: string, keys: readonly string[]) => {
    const context = await browser.newContext({
      extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` },
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/reports`);
    const rows = await page.$$eval(`#${id} tbody tr`, (trs) =>
      trs.map((tr) => {
        const cell = (name: string) =>
          tr.querySelector(`[data-${name}]`)?.getAttribute(`data-${name}`);
        const number = (name: string) => {
          const value = cell(name);
          return value === '' || value === null || value === undefined ? null : Number(value);
        };
        return {
          key: Array.from(tr.querySelectorAll('[data-key]'), (td) => td.getAttribute('data-key')),
          findings: number('findings'),
          actedOn: number('acted-on'),
          dismissed: number('dismissed'),
          noSignal: number('no-signal'),
          open: number('open'),
          actedOnRate: number('acted-on-rate'),
          costUsd: number('cost-usd'),
          costPerActedOnUsd: number('cost-per-acted-on-usd'),
          shownRate: tr.querySelector('[data-acted-on-rate]')?.textContent ?? '',
        };
      }),
    );
    await context.close();
    return rows.map(({ key, shownRate, ...figures }) => ({
      ...Object.fromEntries(keys.map((name, i) => [name, key[i]])),
      ...figures,
      shownRate,
    }));
  };

  it('shows by tier and model exactly what findings --group-by tier,model prints', async () => {
    const page = await readTable('findings-by-tier-model', ['tier', 'model']);
    const printed = await cli('tier,model');
    expect(page.map((row) => ({ ...row, shownRate: undefined }))).toEqual(printed);
    expect(printed).toMatchObject([
      { tier: 'deep', findings: 3, actedOn: 2, actedOnRate: 0.6667 },
      { tier: 'fast', findings: 4, actedOn: 1, open: 1, actedOnRate: 0.3333 },
    ]);
    expect(page.map((row) => row.shownRate)).toEqual(['66.7%', '33.3%']);
  });

  it('shows by category exactly what findings --group-by category prints', async () => {
    const page = await readTable('findings-by-category', ['category']);
    const printed = await cli('category');
    expect(page.map((row) => ({ ...row, shownRate: undefined }))).toEqual(printed);
    expect(printed.map((group) => group.category)).toEqual(['bug', 'security', 'style']);
  });

  it('gives /reports/costs the same figures', async () => {
    const response = await fetch(`${server.origin}/reports/costs`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const body = (await response.json()) as { findings: Record<string, unknown> };
    expect(body.findings).toEqual({
      byTierModel: await cli('tier,model'),
      byCategory: await cli('category'),
    });
  });
});
