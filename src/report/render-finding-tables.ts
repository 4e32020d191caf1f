/**
 * The report page's tables of the feedback on findings: acted-on rate and cost per acted-on
 * finding by tier and model, and by category. Each figure cell carries its exact value in a data
 * attribute, so the page can be checked against `findings --group-by`.
 */
import { formatUsd } from '../domain/format-usd.js';
import { html, type SafeHtml } from '../domain/html.js';
import type { FindingFigures, FindingGroupRecord } from './finding-figures.js';

const rate = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)}%`;

const row = (group: FindingGroupRecord, label: SafeHtml): SafeHtml =>
  html`<tr>${label}<td class="num" data-findings="${group.findings}">${group.findings}</td><td class="num" data-acted-on="${group.actedOn}">${group.actedOn}</td><td class="num" data-dismissed="${group.dismissed}">${group.dismissed}</td><td class="num" data-no-signal="${group.noSignal}">${group.noSignal}</td><td class="num" data-open="${group.open}">${group.open}</td><td class="num" data-acted-on-rate="${group.actedOnRate ?? ''}">${rate(group.actedOnRate)}</td><td class="num" data-cost-usd="${group.costUsd}">${formatUsd(group.costUsd)}</td><td class="num" data-cost-per-acted-on-usd="${group.costPerActedOnUsd ?? ''}">${group.costPerActedOnUsd === null ? '—' : formatUsd(group.costPerActedOnUsd)}</td></tr>
`;

const FIGURE_HEADS = html`<th class="num">Findings</th><th class="num">Acted on</th><th class="num">Dismissed</th><th class="num">No signal</th><th class="num">Open</th><th class="num">Acted-on rate</th><th class="num">Cost</th><th class="num">Per acted-on</th>`;

const table = (
  id: string,
  heads: SafeHtml,
  groups: readonly FindingGroupRecord[],
  label: (group: FindingGroupRecord) => SafeHtml,
): SafeHtml =>
  html`<div class="table-wrap"><table id="${id}"><thead><tr>${heads}${FIGURE_HEADS}</tr></thead><tbody>${groups.map((group) => row(group, label(group)))}</tbody></table></div>`;

export const renderFindingTables = (figures: FindingFigures): SafeHtml => {
  if (figures.byCategory.length === 0)
    return html`<section class="findings"><h2>Findings acted on</h2><p class="empty">No findings posted in this range.</p></section>`;
  return html`<section class="findings">
<h2>Findings acted on, by tier and model</h2>
${table('findings-by-tier-model', html`<th>Tier</th><th>Model</th>`, figures.byTierModel, (g) => html`<td data-key="${g.tier ?? ''}"><span class="tier tier-${g.tier ?? ''}">${g.tier ?? ''}</span></td><td class="muted nowrap" data-key="${g.model ?? ''}">${g.model ?? ''}</td>`)}
<h2>Findings acted on, by category</h2>
${table('findings-by-category', html`<th>Category</th>`, figures.byCategory, (g) => html`<td data-key="${g.category ?? ''}">${g.category ?? ''}</td>`)}
<p class="chart-note">Acted on: the suggestion applied, the lines changed after the finding, or a +1 on a resolved thread. The rate counts findings whose pull request closed; cost per acted-on finding is what those findings cost, over how many were acted on.</p>
</section>`;
};
