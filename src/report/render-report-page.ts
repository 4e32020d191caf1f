/**
 * The `GET /reports` page: totals as text, three charts drawn by report-page.js from the JSON
 * embedded in the page, and the most expensive reviews. No inline script or style: the page's
 * Content-Security-Policy allows only the app's own files.
 */
import { formatUsd } from '../domain/format-usd.js';
import type { LedgerRow } from '../domain/ledger-entry.js';
import type { LedgerFilter } from '../ledger/types.js';
import { embedJson, escapeHtml } from './escape-html.js';
import type { ReportAssetName } from './report-assets.js';
import { renderReviewTable } from './render-review-table.js';
import type { CostSummary } from './types.js';

/** Repositories drawn in the per-repository chart; the rest are still in the totals. */
export const CHART_REPOS = 12;

export interface ReportPageInput {
  readonly summary: CostSummary;
  readonly top: readonly LedgerRow[];
  readonly filter: LedgerFilter;
  readonly assetUrl: (name: ReportAssetName) => string;
  /** The same report as JSON (`/reports/costs`), signed so it opens from the page. */
  readonly jsonUrl: string;
  /** The signature the page was opened with, carried through the filter form. */
  readonly link: { readonly exp: string; readonly sig: string } | null;
  readonly generatedAt: Date;
}

/** What report-page.js reads from `<script id="report-data">`. */
export interface ReportChartData {
  readonly byDay: CostSummary['byDay'];
  readonly byRepo: CostSummary['byRepo'];
}

const card = (id: string, label: string, value: string, attributes: string, note = ''): string =>
  [
    `<div class="card" id="${id}" ${attributes}>`,
    `<div class="card-label">${escapeHtml(label)}</div>`,
    `<div class="card-value">${escapeHtml(value)}</div>`,
    note ? `<div class="card-note">${escapeHtml(note)}</div>` : '',
    '</div>',
  ].join('');

const percentSaved = (summary: CostSummary): string =>
  summary.totalDeepCostUsd > 0
    ? `${Math.round((summary.savedUsd / summary.totalDeepCostUsd) * 100)}% of all-deep`
    : '';

const totals = (summary: CostSummary): string =>
  [
    '<section class="totals" aria-label="Totals">',
    card(
      'total-spend',
      'Spend',
      formatUsd(summary.totalCostUsd),
      `data-usd="${summary.totalCostUsd}"`,
      'what the providers charged',
    ),
    card(
      'total-deep',
      'All-deep counterfactual',
      formatUsd(summary.totalDeepCostUsd),
      `data-usd="${summary.totalDeepCostUsd}"`,
      'the same prompts on the deep tier',
    ),
    card(
      'total-saved',
      'Saved by routing',
      formatUsd(summary.savedUsd),
      `data-usd="${summary.savedUsd}"`,
      percentSaved(summary),
    ),
    card(
      'total-reviews',
      'Reviews',
      summary.reviews.toLocaleString('en-US'),
      `data-count="${summary.reviews}"`,
      'attempts, whatever their outcome',
    ),
    '</section>',
  ].join('\n');

const chart = (id: string, title: string, note: string, wide = false): string =>
  [
    `<figure class="chart${wide ? ' wide' : ''}" id="${id}">`,
    `<figcaption>${escapeHtml(title)}</figcaption>`,
    '<div class="plot"></div>',
    `<p class="chart-note">${escapeHtml(note)}</p>`,
    '</figure>',
  ].join('');

const charts = (summary: CostSummary): string => {
  if (summary.reviews === 0) return '<p class="empty">No reviews recorded in this range.</p>';
  const shown = Math.min(CHART_REPOS, summary.byRepo.length);
  return [
    '<section class="charts">',
    chart(
      'chart-daily',
      'Spend per day, by tier',
      'UTC days; skipped pull requests cost nothing.',
      true,
    ),
    chart(
      'chart-repos',
      'Spend per repository',
      summary.byRepo.length > shown
        ? `The ${shown} costliest of ${summary.byRepo.length} repositories; dots show all-deep.`
        : 'Bars show spend; dots show what all-deep would have cost.',
    ),
    chart(
      'chart-savings',
      'Savings versus all-deep',
      `Cumulative. Routing saved ${formatUsd(summary.savedUsd)} against sending every review to the deep tier.`,
    ),
    '</section>',
  ].join('\n');
};

const scope = (filter: LedgerFilter): string => {
  const where = filter.repo ?? 'All repositories';
  const when =
    filter.since || filter.until
      ? `${filter.since ?? 'the start'} to ${filter.until ?? 'now'}`
      : 'all time';
  return `${where} · ${when}`;
};

const input = (name: keyof LedgerFilter, label: string, value: string | undefined, hint: string) =>
  `<label>${label}<input type="text" name="${name}" value="${escapeHtml(value ?? '')}" placeholder="${hint}" autocomplete="off"></label>`;

const filterForm = (filter: LedgerFilter, link: ReportPageInput['link']): string =>
  [
    '<form class="filters" method="get" action="/reports">',
    input('since', 'Since', filter.since, 'YYYY-MM-DD'),
    input('until', 'Until', filter.until, 'YYYY-MM-DD'),
    input('repo', 'Repository', filter.repo, 'owner/name'),
    link
      ? `<input type="hidden" name="exp" value="${escapeHtml(link.exp)}"><input type="hidden" name="sig" value="${escapeHtml(link.sig)}">`
      : '',
    '<button type="submit">Apply</button>',
    '</form>',
  ].join('');

export const renderReportPage = (page: ReportPageInput): string => {
  const data: ReportChartData = {
    byDay: page.summary.byDay,
    byRepo: page.summary.byRepo.slice(0, CHART_REPOS),
  };
  const asset = (name: ReportAssetName) => escapeHtml(page.assetUrl(name));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Review costs · review-router</title>
<link rel="stylesheet" href="${asset('uplot.min.css')}">
<link rel="stylesheet" href="${asset('report-page.css')}">
<script src="${asset('uplot.min.js')}" defer></script>
<script src="${asset('report-page.js')}" defer></script>
</head>
<body>
<header class="top">
<div><h1>Review costs</h1><p class="scope" id="scope">${escapeHtml(scope(page.filter))}</p></div>
${filterForm(page.filter, page.link)}
</header>
<main>
${totals(page.summary)}
${charts(page.summary)}
<section class="reviews">
<h2>Most expensive reviews</h2>
${renderReviewTable(page.top)}
</section>
</main>
<footer>review-router · generated ${escapeHtml(page.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC · <a href="${escapeHtml(page.jsonUrl)}">JSON</a></footer>
<script type="application/json" id="report-data">${embedJson(data)}</script>
</body>
</html>
`;
};
