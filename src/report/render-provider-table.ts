/** The report page's spend per provider: where the money went, cloud by cloud. */
import { formatUsd } from '../domain/format-usd.js';
import { formatCount } from '../domain/format-count.js';
import { html, type SafeHtml } from '../domain/html.js';
import type { ProviderCost } from './types.js';

const providerRow = (row: ProviderCost): SafeHtml =>
  html`<tr data-provider="${row.provider ?? ''}" data-cost-usd="${row.costUsd}"><td>${row.provider ?? 'no model called'}</td><td class="num">${formatCount(row.reviews)}</td><td class="num">${formatUsd(row.costUsd)}</td><td class="num muted">${formatUsd(row.deepCostUsd)}</td></tr>
`;

export const renderProviderTable = (rows: readonly ProviderCost[]): SafeHtml => {
  if (rows.length === 0) return html``;
  return html`<section class="providers">
<h2>Spend per provider</h2>
<div class="table-wrap"><table id="spend-by-provider">
<thead><tr><th>Provider</th><th class="num">Reviews</th><th class="num">Spend</th><th class="num">All-deep</th></tr></thead>
<tbody>${rows.map(providerRow)}</tbody>
</table></div>
</section>`;
};
