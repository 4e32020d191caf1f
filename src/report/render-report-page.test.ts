import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../domain/ledger-entry.js';
import { sampleEntry } from '../ledger/ledger-store.contract.js';
import { renderReportPage, type ReportPageInput } from './render-report-page.js';
import { summarizeCosts } from './summarize-costs.js';

const HOSTILE_REPO = '<img src=x onerror=alert(1)>/"x"';
const HOSTILE_REASON = '</script><script>alert("reason")</script>';

const rows: LedgerRow[] = [
  {
    ...sampleEntry({ repo: 'acme/api', pr: 7, costUsd: 0.5, deepCostUsd: 0.5, tier: 'deep' }),
    id: 1,
  },
  {
    ...sampleEntry({
      repo: HOSTILE_REPO,
      pr: 9,
      tier: 'fast',
      costUsd: 0.02,
      deepCostUsd: 0.3,
      reason: HOSTILE_REASON,
    }),
    id: 2,
  },
];

const page = (overrides: Partial<ReportPageInput> = {}): string =>
  renderReportPage({
    summary: summarizeCosts(rows),
    top: rows,
    filter: {},
    assetUrl: (name) => `/reports/assets/${name}?exp=1&sig=s`,
    jsonUrl: '/reports/costs?exp=1&sig=s',
    link: null,
    generatedAt: new Date('2026-11-21T12:00:00Z'),
    ...overrides,
  });

const embedded = (html: string): unknown =>
  JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!);

describe('renderReportPage', () => {
  it('shows the totals as text with their exact values in data attributes', () => {
    const html = page();
    expect(html).toContain('id="total-spend" data-usd="0.52"');
    expect(html).toContain('id="total-deep" data-usd="0.8"');
    expect(html).toContain('id="total-saved" data-usd="0.28"');
    expect(html).toContain('id="total-reviews" data-count="2"');
    expect(html).toContain('<div class="card-value">$0.52</div>');
  });

  it('shows spend per provider, most first, with attempts that called no model last', () => {
    const mixed: LedgerRow[] = [
      { ...sampleEntry({ provider: 'bedrock', costUsd: 0.25 }), id: 3 },
      { ...sampleEntry({ provider: 'openai', costUsd: 0.75 }), id: 4 },
      { ...sampleEntry({ provider: null, model: null, tier: 'skip', costUsd: 0 }), id: 5 },
    ];
    const html = page({ summary: summarizeCosts(mixed), top: mixed });
    const table = /<table id="spend-by-provider">(.*?)<\/table>/s.exec(html)?.[1] ?? '';
    expect(
      [...table.matchAll(/data-provider="([^"]*)" data-cost-usd="([^"]*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    ).toEqual([
      ['openai', '0.75'],
      ['bedrock', '0.25'],
      ['', '0'],
    ]);
    expect(table).toContain('<td>no model called</td>');
  });

  it('escapes a hostile repository name and reason everywhere in the HTML', () => {
    const html = page({ filter: { repo: HOSTILE_REPO } });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;/&quot;x&quot;#9');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;reason&quot;)');
  });

  it('links each review to its pull request, path segments encoded', () => {
    const html = page();
    expect(html).toContain('href="https://github.com/acme/api/pull/7"');
    expect(html).toContain(
      'href="https://github.com/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/%22x%22/pull/9"',
    );
  });

  it('embeds the chart data as JSON that parses back, with no raw < in it', () => {
    const html = page();
    const json = /id="report-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(embedded(html)).toMatchObject({
      byRepo: [{ repo: 'acme/api' }, { repo: HOSTILE_REPO }],
      byDay: [{ day: '2026-11-21', costUsd: 0.52 }],
    });
  });

  it('loads only the given asset URLs and no inline script', () => {
    const html = page();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
    expect(scripts).toEqual([
      ' src="/reports/assets/uplot.min.js?exp=1&amp;sig=s" defer',
      ' type="module" src="/reports/assets/report-page.js?exp=1&amp;sig=s"',
      ' type="application/json" id="report-data"',
    ]);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('carries a signed link through the filter form', () => {
    const html = page({ link: { exp: '123', sig: 'abc"' } });
    expect(html).toContain('<input type="hidden" name="exp" value="123">');
    expect(html).toContain('<input type="hidden" name="sig" value="abc&quot;">');
    expect(page()).not.toContain('type="hidden"');
  });

  it('says so instead of drawing charts when there are no reviews', () => {
    const html = page({ summary: summarizeCosts([]), top: [] });
    expect(html).toContain('No reviews recorded in this range.');
    expect(html).not.toContain('id="chart-daily"');
    expect(html).toContain('id="total-reviews" data-count="0"');
  });

  it('names the scope of the filter', () => {
    expect(page({ filter: { repo: 'acme/api', since: '2026-11-01' } })).toContain(
      'acme/api · 2026-11-01 to now',
    );
    expect(page()).toContain('All repositories · all time');
  });
});
