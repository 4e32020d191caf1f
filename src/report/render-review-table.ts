/** The report page's table of the most expensive reviews; every value from the ledger is escaped. */
import { formatUsd } from '../domain/format-usd.js';
import type { LedgerRow } from '../domain/ledger-entry.js';
import { escapeHtml } from './escape-html.js';
import { pullRequestUrl } from './pull-request-url.js';

const cell = (text: string, className?: string): string =>
  `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;

const startedCell = (startedAt: string): string => {
  const date = new Date(startedAt);
  const shown = Number.isNaN(date.getTime())
    ? startedAt
    : date.toISOString().slice(0, 16).replace('T', ' ');
  return `<td class="nowrap"><time datetime="${escapeHtml(startedAt)}">${escapeHtml(shown)}</time></td>`;
};

const pullRequestCell = (row: LedgerRow): string => {
  const label = `${row.repo}#${row.pr}`;
  if (!Number.isSafeInteger(row.pr) || row.pr <= 0) return cell(label);
  const href = pullRequestUrl(row.repo, row.pr);
  return `<td><a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(label)}</a></td>`;
};

const reviewRow = (row: LedgerRow): string =>
  [
    `<tr data-id="${row.id}" data-cost-usd="${row.costUsd}">`,
    startedCell(row.startedAt),
    pullRequestCell(row),
    `<td><span class="tier tier-${escapeHtml(row.tier)}">${escapeHtml(row.tier)}</span></td>`,
    cell(row.model ?? '—', 'muted nowrap'),
    cell(row.outcome, 'nowrap'),
    cell(formatUsd(row.costUsd), 'num'),
    cell(formatUsd(row.deepCostUsd), 'num muted'),
    cell(row.error ? `${row.reason} (${row.error})` : row.reason, 'reason'),
    '</tr>',
  ].join('');

export const renderReviewTable = (rows: readonly LedgerRow[]): string => {
  if (rows.length === 0) return '<p class="empty">No reviews in this range.</p>';
  return [
    '<div class="table-wrap"><table id="top-reviews">',
    '<thead><tr><th>Started (UTC)</th><th>Pull request</th><th>Tier</th><th>Model</th>',
    '<th>Outcome</th><th class="num">Cost</th><th class="num">All-deep</th><th>Reason</th></tr></thead>',
    `<tbody>${rows.map(reviewRow).join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
};
