/**
 * The report page in a real browser: headless Chromium against the report handler over a seeded
 * SQLite ledger. Skipped, with the reason, where /usr/bin/chromium is not installed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/domain/format-usd.js';
import type { LedgerEntry } from '../../src/domain/ledger-entry.js';
import { sampleEntry } from '../../src/ledger/ledger-store.contract.js';
import type { ReportReader } from '../../src/ledger/report-queries.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import { openSqliteReportReader } from '../../src/ledger/sqlite/open-sqlite-report-reader.js';
import type { LedgerStore } from '../../src/ledger/types.js';
import { createReportHandler } from '../../src/report/create-report-handler.js';
import { signReportLink } from '../../src/report/sign-report-link.js';
import { sumUsd } from '../../src/report/sum-usd.js';
import { startTestHttpServer, type TestHttpServer } from '../../src/report/test-http-server.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-test-token';
const XSS_REPO = '<img src=x onerror=alert(1)>/evil';
const XSS_REASON = '</script><script>alert("reason")</script> touches <b>auth</b>';

const TIERS = {
  fast: { tier: 'fast', provider: 'openai', model: 'gpt-5.3-codex' },
  deep: { tier: 'deep', provider: 'anthropic', model: 'claude-opus-4-6' },
  skip: { tier: 'skip', provider: null, model: null, outcome: 'skipped' },
} as const;

type Seed = [keyof typeof TIERS, string, number, number, string, Partial<LedgerEntry>?];

/** tier, repo, costUsd, deepCostUsd, startedAt, other fields; PR numbers 101, 102, ... */
const SEEDS: Seed[] = [
  ['fast', 'acme/web', 0.0213, 0.1862, '2026-11-16T09:12:00Z'],
  ['deep', 'acme/api', 0.4127, 0.4127, '2026-11-16T14:40:00Z'],
  ['skip', 'acme/docs', 0, 0.0931, '2026-11-17T08:00:00Z'],
  ['fast', 'acme/api', 0.0342, 0.2975, '2026-11-17T11:30:00Z'],
  ['fast', 'acme/web', 0.0188, 0.1544, '2026-11-18T10:05:00Z'],
  ['deep', 'acme/payments', 0.9381, 0.9381, '2026-11-18T16:20:00Z'],
  ['fast', XSS_REPO, 0.0456, 0.3904, '2026-11-19T13:00:00Z', { reason: XSS_REASON }],
  ['fast', 'acme/api', 0.0297, 0.2811, '2026-11-20T09:45:00Z', { outcome: 'escalated' }],
  ['deep', 'acme/api', 0.2811, 0.2811, '2026-11-20T09:47:00Z'],
  ['fast', 'acme/web', 0, 0.12, '2026-11-21T07:10:00Z', { outcome: 'failed', error: 'openai 500' }],
  ['fast', 'acme/mobile', 0.0264, 0.2406, '2026-11-21T15:25:00Z'],
];

const ROWS: LedgerEntry[] = SEEDS.map(([tier, repo, costUsd, deepCostUsd, startedAt, more], i) =>
  sampleEntry({
    deliveryId: `d-${i + 1}`,
    pr: 101 + i,
    ...TIERS[tier],
    repo,
    costUsd,
    deepCostUsd,
    startedAt,
    ...more,
  }),
);

/** What the page must show, computed here from the rows rather than by the code under test. */
const expected = {
  spend: sumUsd(ROWS.map((row) => row.costUsd)),
  deep: sumUsd(ROWS.map((row) => row.deepCostUsd)),
  saved: sumUsd(
    ROWS.map((row) => (row.outcome === 'escalated' ? 0 : row.deepCostUsd) - row.costUsd),
  ),
  reviews: ROWS.length,
};

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report-page browser test skipped: ${CHROMIUM} is not installed`);

describe.skipIf(!hasChromium)(`report page in headless Chromium (needs ${CHROMIUM})`, () => {
  let dir: string;
  let ledger: LedgerStore;
  let reports: ReportReader;
  let server: TestHttpServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'review-router-browser-'));
    ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
    await ledger.migrate();
    for (const row of ROWS) await ledger.record(row);
    // The app's own reader: the report queries on a thread with a read-only connection.
    reports = openSqliteReportReader({ file: join(dir, 'ledger.sqlite') });
    server = await startTestHttpServer(createReportHandler({ reports, token: TOKEN }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await reports?.close();
    await ledger?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page, recording script errors, CSP violations and dialogs (an XSS would alert). */
  const open = async (path: string, headers: Record<string, string> = {}) => {
    const context = await browser.newContext({
      extraHTTPHeaders: headers,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(`${server.origin}${path}`);
    await page.waitForSelector('#chart-daily[data-rendered="true"]');
    await page.waitForSelector('#chart-repos[data-rendered="true"]');
    await page.waitForSelector('#chart-savings[data-rendered="true"]');
    return { page, context, problems, status: response?.status() };
  };

  const readCard = async (page: Page, id: string) => {
    const card = page.locator(`#${id}`);
    const data = (await card.getAttribute('data-usd')) ?? (await card.getAttribute('data-count'));
    return { data: Number(data), text: await card.locator('.card-value').textContent() };
  };

  const shownTotals = async (page: Page) => ({
    spend: await readCard(page, 'total-spend'),
    deep: await readCard(page, 'total-deep'),
    saved: await readCard(page, 'total-saved'),
    reviews: await readCard(page, 'total-reviews'),
  });

  it('shows the ledger totals, three drawn charts and no script error with the bearer token', async () => {
    const { page, context, problems, status } = await open('/reports', {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(status).toBe(200);
    expect(await shownTotals(page)).toEqual({
      spend: { data: expected.spend, text: formatUsd(expected.spend) },
      deep: { data: expected.deep, text: formatUsd(expected.deep) },
      saved: { data: expected.saved, text: formatUsd(expected.saved) },
      reviews: { data: expected.reviews, text: String(expected.reviews) },
    });
    for (const id of ['chart-daily', 'chart-repos', 'chart-savings']) {
      const canvas = page.locator(`#${id} canvas`);
      expect(await canvas.count(), id).toBe(1);
      const box = await canvas.boundingBox();
      expect(box?.width, id).toBeGreaterThan(200);
      expect(box?.height, id).toBeGreaterThan(100);
      const inked = await canvas.evaluate((element) => {
        const canvasElement = element as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): { getImageData(...box: number[]): { data: Uint8ClampedArray } };
        };
        const { data } = canvasElement
          .getContext('2d')
          .getImageData(0, 0, canvasElement.width, canvasElement.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
        return count;
      });
      expect(inked, `${id} has drawn pixels`).toBeGreaterThan(500);
    }
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/report-page.png', fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a hostile repository name and reason as text, linking to the escaped PR URL', async () => {
    const { page, context, problems } = await open('/reports', {
      authorization: `Bearer ${TOKEN}`,
    });
    const row = page.locator('#top-reviews tbody tr', { hasText: 'evil#107' });
    expect(await row.locator('a').textContent()).toBe(`${XSS_REPO}#107`);
    expect(await row.locator('a').getAttribute('href')).toBe(
      'https://github.com/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/evil/pull/107',
    );
    expect(await row.locator('td.reason').textContent()).toBe(XSS_REASON);
    expect(await page.locator('img, b, #top-reviews script').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('links each listed review to its pull request, costliest first', async () => {
    const { page, context } = await open('/reports', { authorization: `Bearer ${TOKEN}` });
    const hrefs = await page
      .locator('#top-reviews tbody a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.slice(0, 3)).toEqual([
      'https://github.com/acme/payments/pull/106',
      'https://github.com/acme/api/pull/102',
      'https://github.com/acme/api/pull/109',
    ]);
    expect(hrefs).toHaveLength(ROWS.length);
    await context.close();
  });

  it('opens from a signed link without the bearer token, keeping the repo filter', async () => {
    const link = signReportLink(
      TOKEN,
      '/reports?repo=acme/api',
      new Date(Date.now() + 60 * 60 * 1000),
    );
    const { page, context, problems, status } = await open(link);
    expect(status).toBe(200);
    const apiRows = ROWS.filter((row) => row.repo === 'acme/api');
    const totals = await shownTotals(page);
    expect(totals.spend.data).toBe(sumUsd(apiRows.map((row) => row.costUsd)));
    expect(totals.reviews.data).toBe(apiRows.length);
    expect(await page.locator('#scope').textContent()).toContain('acme/api');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses the page without the token or a signature', async () => {
    const context = await browser.newContext();
    const response = await (await context.newPage()).goto(`${server.origin}/reports`);
    expect(response?.status()).toBe(401);
    await context.close();
  });
});
