/** The report page's table of the most expensive reviews; every value from the ledger is escaped. */
import { formatUsd } from '../domain/format-usd.js';
import { html, type SafeHtml } from '../domain/html.js';
import type { LedgerRow } from '../domain/ledger-entry.js';
import { pullRequestUrl } from './pull-request-url.js';

const cell = (text: string, className?: string): SafeHtml =>
  className ? html`<td class="${className}">${text}</td>` : html`<td>${text}</td>`;

const startedCell = (startedAt: string): SafeHtml => {
  const date = new Date(startedAt);
  const shown = Number.isNaN(date.getTime())
    ? startedAt
    : date.toISOString().slice(0, 16).replace('T', ' ');
  return html`<td class="nowrap"><time datetime="${startedAt}">${shown}</time></td>`;
};

const pullRequestCell = (row: LedgerRow): SafeHtml => {
  const label = `${row.repo}#${row.pr}`;
  if (!Number.isSafeInteger(row.pr) || row.pr <= 0) return cell(label);
  return html`<td><a href="${pullRequestUrl(row.repo, row.pr)}" rel="noopener noreferrer">${label}</a></td>`;
};

const reviewRow = (row: LedgerRow): SafeHtml =>
  html`<tr data-id="${row.id}" data-cost-usd="${row.costUsd}">${startedCell(row.startedAt)}${pullRequestCell(row)}<td><span class="tier tier-${row.tier}">${row.tier}</span></td>${cell(row.model ?? '—', 'muted nowrap')}${cell(row.outcome, 'nowrap')}${cell(formatUsd(row.costUsd), 'num')}${cell(formatUsd(row.deepCostUsd), 'num muted')}${cell(row.error ? `${row.reason} (${row.error})` : row.reason, 'reason')}</tr>
`;

export const renderReviewTable = (rows: readonly LedgerRow[]): SafeHtml => {
  if (rows.length === 0) return html`<p class="empty">No reviews in this range.</p>`;
  return html`<div class="table-wrap"><table id="top-reviews">
<thead><tr><th>Started (UTC)</th><th>Pull request</th><th>Tier</th><th>Model</th>
<th>Outcome</th><th class="num">Cost</th><th class="num">All-deep</th><th>Reason</th></tr></thead>
<tbody>${rows.map(reviewRow)}</tbody>
</table></div>`;
};
