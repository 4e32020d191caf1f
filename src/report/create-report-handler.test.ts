import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportReader } from '../ledger/report-queries.js';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { openSqliteLedger } from '../ledger/sqlite-ledger.js';
import { openSqliteReportReader } from '../ledger/sqlite/open-sqlite-report-reader.js';
import type { LedgerStore } from '../ledger/types.js';
import { createReportHandler, REPORT_PAGE_CSP } from './create-report-handler.js';
import { reportQueriesFromRows } from './report-queries-from-rows.js';
import { signReportLink } from './sign-report-link.js';
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js';

const TOKEN = 'report-token';
const NOW = new Date('2026-11-21T12:00:00Z');
const bearer = { authorization: `Bearer ${TOKEN}` };

let dir: string;
let ledger: LedgerStore;
let reader: ReportReader;
let server: TestHttpServer;
let unset: TestHttpServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rr-report-handler-'));
  ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
  await ledger.migrate();
  await ledger.record(sampleEntry({ repo: 'acme/api', costUsd: 0.5, deepCostUsd: 0.5 }));
  await ledger.record(
    sampleEntry({ repo: 'acme/web', tier: 'fast', costUsd: 0.02, deepCostUsd: 0.3 }),
  );
  // The app's reader: the report queries on a thread of their own, off the webhooks' event loop.
  reader = openSqliteReportReader({ file: join(dir, 'ledger.sqlite') });
  server = await startTestHttpServer(
    createReportHandler({ reports: reader, token: TOKEN, now: () => NOW }),
  );
  unset = await startTestHttpServer(
    createReportHandler({ reports: reportQueriesFromRows(ledger), token: undefined }),
  );
});

afterAll(async () => {
  await server.close();
  await unset.close();
  await reader.close();
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, origin = server.origin) =>
  fetch(`${origin}${path}`, { headers });

describe('createReportHandler', () => {
  it.each(['/reports', '/reports/costs', '/reports/assets/uplot.min.js'])(
    'answers 404 on %s while REPORT_TOKEN is unset, even with a bearer header',
    async (path) => {
      expect((await get(path, bearer, unset.origin)).status).toBe(404);
    },
  );

  it.each(['/reports', '/reports/costs', '/reports/assets/uplot.min.js', '/reports/nothing'])(
    'answers 401 on %s without the token',
    async (path) => {
      const res = await get(path, { authorization: 'Bearer wrong-token!' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    },
  );

  it('takes the scheme name in any case, as HTTP does', async () => {
    const token = bearer.authorization.slice('Bearer '.length);
    for (const scheme of ['bearer', 'BEARER'])
      expect((await get('/reports/costs', { authorization: `${scheme} ${token}` })).status).toBe(
        200,
      );
  });

  it('leaves paths outside /reports to the next handler', async () => {
    expect((await get('/reportsx', bearer)).status).toBe(404);
    expect(await (await get('/reportsx', bearer)).text()).toBe('');
  });

  it('serves the cost summary as JSON with the bearer token, filtered by repo', async () => {
    const res = await get('/reports/costs?repo=acme/web', bearer);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ totalCostUsd: 0.02, savedUsd: 0.28, reviews: 1 });
  });

  it('reads ISO dates in the filter, and refuses a day the calendar does not have with 400', async () => {
    const inRange = await get(
      '/reports/costs?since=2020-01-01T00:00:00%2B02:00&until=2100-01',
      bearer,
    );
    expect(inRange.status).toBe(200);
    expect(await inRange.json()).toMatchObject({ reviews: 2 });
    const backwards = await get('/reports/costs?since=2026-11-02&until=2026-11-01', bearer);
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: string }).error).toContain(
      'until is exclusive, so it must come after since',
    );
    for (const path of ['/reports/costs?since=2026-11-31', '/reports?until=2026-02-30']) {
      const res = await get(path, bearer);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(
        /^(since=2026-11-31|until=2026-02-30): expected a date such as 2026-11-01/,
      );
    }
  });

  it('serves the HTML page with a strict Content-Security-Policy', async () => {
    const res = await get('/reports', bearer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(REPORT_PAGE_CSP);
    expect(REPORT_PAGE_CSP).toContain("script-src 'self'");
    expect(REPORT_PAGE_CSP).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).toContain('id="total-spend" data-usd="0.52"');
  });

  it('opens the page from a signed link without the bearer header', async () => {
    const link = signReportLink(TOKEN, '/reports?repo=acme/api', new Date('2026-11-22T00:00:00Z'));
    const res = await get(link);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="total-spend" data-usd="0.5"');
  });

  it('refuses an expired signed link, saying so', async () => {
    const res = await get(signReportLink(TOKEN, '/reports', new Date('2026-11-21T11:59:59Z')));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'this report link has expired: ask for a new signed link',
    });
  });

  it('does not let a link signed for the page open the JSON route', async () => {
    const link = new URL(
      signReportLink(TOKEN, '/reports', new Date('2026-11-22T00:00:00Z')),
      'http://x',
    );
    expect((await get(`/reports/costs${link.search}`)).status).toBe(401);
  });

  it('serves every asset the page links to, signed, with its content type', async () => {
    const html = await (
      await get(signReportLink(TOKEN, '/reports', new Date('2026-11-22')))
    ).text();
    const urls = [...html.matchAll(/(?:src|href)="(\/reports\/assets\/[^"]+)"/g)].map((match) =>
      match[1]!.replaceAll('&amp;', '&'),
    );
    expect(urls).toHaveLength(4);
    const types = await Promise.all(
      urls.map(async (url) => {
        const res = await get(url);
        expect(res.status, url).toBe(200);
        expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(500);
        return res.headers.get('content-type');
      }),
    );
    expect(types.sort()).toEqual([
      'text/css; charset=utf-8',
      'text/css; charset=utf-8',
      'text/javascript; charset=utf-8',
      'text/javascript; charset=utf-8',
    ]);
  });

  it('serves uPlot itself from node_modules', async () => {
    const body = await (await get('/reports/assets/uplot.min.js', bearer)).text();
    expect(body).toMatch(/var uPlot=/);
  });

  it('answers 404 for an unknown asset and 405 for a POST', async () => {
    expect((await get('/reports/assets/..%2F..%2Fpackage.json', bearer)).status).toBe(404);
    expect((await get('/reports/assets/secrets.js', bearer)).status).toBe(404);
    const post = await fetch(`${server.origin}/reports/costs`, { method: 'POST', headers: bearer });
    expect(post.status).toBe(405);
  });

  it('answers HEAD as GET without a body, and names the methods it takes on a 405', async () => {
    const head = await fetch(`${server.origin}/reports/costs`, { method: 'HEAD', headers: bearer });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/application\/json/);
    expect(await head.text()).toBe('');
    const post = await fetch(`${server.origin}/reports`, { method: 'POST', headers: bearer });
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('reads an offset whose + came unencoded, as a space, as the + it was', async () => {
    const plain = await get('/reports/costs?since=2026-02-01T00:00:00+01:00', bearer);
    const encoded = await get('/reports/costs?since=2026-02-01T00:00:00%2B01:00', bearer);
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual(await encoded.json());
  });

  it('refuses a repository that is not OWNER/NAME, as the CLI does', async () => {
    const res = await get('/reports/costs?repo=bad', bearer);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'repo=bad: expected OWNER/NAME, as GitHub names the repository',
    });
  });

  it('shows every month by default, as the README says, with empty date fields', async () => {
    const months = openSqliteLedger({ file: ':memory:' });
    await months.migrate();
    await months.record(sampleEntry({ costUsd: 0.25, startedAt: '2026-09-03T10:00:00.000Z' }));
    await months.record(sampleEntry({ costUsd: 0.5, startedAt: '2026-11-21T10:00:00.000Z' }));
    const later = await startTestHttpServer(
      createReportHandler({
        reports: reportQueriesFromRows(months),
        token: TOKEN,
        now: () => new Date('2026-12-06T12:00:00Z'),
      }),
    );
    try {
      const html = await (await get('/reports', bearer, later.origin)).text();
      expect(html).toContain('id="total-spend" data-usd="0.75"');
      expect(html).toContain('id="total-reviews" data-count="2"');
      expect(html).toContain('All repositories · all time');
      expect(html).toContain('name="since" value=""');
      expect(html).toContain('name="until" value=""');
    } finally {
      await later.close();
      await months.close();
    }
  });

  it('links the JSON of the same filter from the page, signed', async () => {
    const html = await (await get('/reports?repo=acme/web', bearer)).text();
    const href = /href="(\/reports\/costs[^"]*)">JSON</.exec(html)![1]!.replaceAll('&amp;', '&');
    const res = await get(href);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ reviews: 1, byRepo: [{ repo: 'acme/web' }] });
  });
});
