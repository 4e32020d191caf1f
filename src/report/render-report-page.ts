/**
 * The `GET /reports` page: totals as text, three charts drawn by report-page.js from the JSON
 * embedded in the page, and the most expensive reviews. No inline script or style: the page's
 * Content-Security-Policy allows only the app's own files.
 */
import { formatUsd } from '../domain/format-usd.js';
import { formatCount } from '../domain/format-count.js';
import type { LedgerRow } from '../domain/ledger-entry.js';
import type { LedgerFilter } from '../ledger/types.js';
import { embedJson, html, type SafeHtml } from '../domain/html.js';
import type { ReportAssetName } from './report-assets.js';
import { renderProviderTable } from './render-provider-table.js';
import type { FindingFigures } from './finding-figures.js';
import { renderFindingTables } from './render-finding-tables.js';
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
  /** The feedback on the findings posted in the window; left out, the page has no findings section. */
  readonly findings?: FindingFigures;
}

/** What report-page.js reads from `<script id="report-data">`. */
export interface ReportChartData {
  readonly byDay: CostSummary['byDay'];
  readonly byRepo: CostSummary['byRepo'];
}

const card = (
  id: string,
  label: string,
  value: string,
  data: { readonly name: 'usd' | 'count'; readonly value: number },
  note = '',
): SafeHtml =>
  html`<div class="card" id="${id}" data-${data.name}="${data.value}"><div class="card-label">${label}</div><div class="card-value">${value}</div>${note ? html`<div class="card-note">${note}</div>` : ''}</div>`;

const percentSaved = (summary: CostSummary): string =>
  summary.totalDeepCostUsd > 0
    ? `${Math.round((summary.savedUsd / summary.totalDeepCostUsd) * 100)}% of all-deep`
    : '';

const totals = (summary: CostSummary): SafeHtml => {
  const usd = (value: number) => ({ name: 'usd', value }) as const;
  return html`<section class="totals" aria-label="Totals">
${card('total-spend', 'Spend', formatUsd(summary.totalCostUsd), usd(summary.totalCostUsd), 'what the providers charged')}
${card('total-deep', 'All-deep counterfactual', formatUsd(summary.totalDeepCostUsd), usd(summary.totalDeepCostUsd), 'the same prompts on the deep tier')}
${card('total-saved', 'Saved by routing', formatUsd(summary.savedUsd), usd(summary.savedUsd), percentSaved(summary))}
${card('total-reviews', 'Reviews', formatCount(summary.reviews), { name: 'count', value: summary.reviews }, 'attempts, whatever their outcome')}
</section>`;
};

const chart = (id: string, title: string, note: string, wide = false): SafeHtml =>
  html`<figure class="chart${wide ? ' wide' : ''}" id="${id}"><figcaption>${title}</figcaption><div class="plot"></div><p class="chart-note">${note}</p></figure>`;

const charts = (summary: CostSummary): SafeHtml => {
  if (summary.reviews === 0) return html`<p class="empty">No reviews recorded in this range.</p>`;
  const shown = Math.min(CHART_REPOS, summary.byRepo.length);
  const reposNote =
    summary.byRepo.length > shown
      ? `The ${shown} costliest of ${summary.byRepo.length} repositories; dots show all-deep.`
      : 'Bars show spend; dots show what all-deep would have cost.';
  const savedNote = `Cumulative. Routing saved ${formatUsd(summary.savedUsd)} against sending every review to the deep tier.`;
  return html`<section class="charts">
${chart('chart-daily', 'Spend per day, by tier', 'UTC days; skipped pull requests cost nothing.', true)}
${chart('chart-repos', 'Spend per repository', reposNote)}
${chart('chart-savings', 'Savings versus all-deep', savedNote)}
</section>`;
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
  html`<label>${label}<input type="text" name="${name}" value="${value ?? ''}" placeholder="${hint}" autocomplete="off"></label>`;

const filterForm = (filter: LedgerFilter, link: ReportPageInput['link']): SafeHtml =>
  html`<form class="filters" method="get" action="/reports">${input('since', 'Since', filter.since, 'YYYY-MM-DD')}${input('until', 'Until', filter.until, 'YYYY-MM-DD')}${input('repo', 'Repository', filter.repo, 'owner/name')}${link ? html`<input type="hidden" name="exp" value="${link.exp}"><input type="hidden" name="sig" value="${link.sig}">` : ''}<button type="submit">Apply</button></form>`;

export const renderReportPage = (page: ReportPageInput): string => {
  const data: ReportChartData = {
    byDay: page.summary.byDay,
    byRepo: page.summary.byRepo.slice(0, CHART_REPOS),
  };
  const asset = page.assetUrl;
  const generated = page.generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  return html`<!doctype html>
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
<script type="module" src="${asset('report-page.js')}"></script>
</head>
<body>
<header class="top">
<div><h1>Review costs</h1><p class="scope" id="scope">${scope(page.filter)}</p></div>
${filterForm(page.filter, page.link)}
</header>
<main>
${totals(page.summary)}
${charts(page.summary)}
${renderProviderTable(page.summary.byProvider)}
${page.findings === undefined ? '' : renderFindingTables(page.findings)}
<section class="reviews">
<h2>Most expensive reviews</h2>
${renderReviewTable(page.top)}
</section>
</main>
<footer>review-router · generated ${generated} UTC · <a href="${page.jsonUrl}">JSON</a></footer>
<script type="application/json" id="report-data">${embedJson(data)}</script>
</body>
</html>
`.value;
};
