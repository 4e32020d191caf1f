import type { CalibrationResult } from './calibration.js';
import { describeHistory, METRICS_HEADER, metricsRows } from './describe-calibration.js';
import { html, raw } from '../domain/html.js';
import { renderCatchCurveSvg } from './render-catch-curve-svg.js';
import { renderCostCurveSvg } from './render-cost-curve-svg.js';
import {
  describeLevels,
  describeMissedTarget,
  describeRouting,
  describeTargets,
} from './describe-routing.js';
import { renderPolicySnippet } from './render-policy-snippet.js';

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 860px; color: #111827; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { padding: 0.3rem 0.8rem; border-bottom: 1px solid #e5e7eb; text-align: right; }
th:first-child, td:first-child { text-align: left; }
pre { background: #f3f4f6; padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #374151; }
svg .label { font-size: 13px; fill: #111827; }
svg .grid { stroke: #e5e7eb; }
svg .axis { stroke: #111827; }
svg .mark { stroke: #9ca3af; stroke-dasharray: 3 3; }
svg .suggested { stroke: #1d4ed8; stroke-dasharray: 1 3; stroke-width: 2; }
.note { color: #4b5563; font-size: 0.9rem; }
`;

/**
 * The calibration as one self-contained HTML page: no script, no external stylesheet, font or
 * image. The curve is inline SVG; every text that came from the repository is escaped.
 */
export const renderCalibrationReport = (result: CalibrationResult, source: string): string => {
  const missed = describeMissedTarget(result.suggestion);
  const header = METRICS_HEADER.map((cell) => html`<th>${cell}</th>`);
  const rows = metricsRows(result.metrics).map(
    (row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>
`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>review-router calibrate: ${source}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<h1>Risk calibration: ${source}</h1>
${describeHistory(result).map(
  (line) => html`<p>${line}.</p>
`,
)}
<h2>Bug-inducing changes caught against share routed deep</h2>
<figure>
${raw(renderCatchCurveSvg(result))}
<figcaption class="note">Commits ranked by each score, highest first; a commit routed deep "catches" its defect. Ties are split in proportion. The dotted blue line is the share the suggested levels route deep under the policy's rules.</figcaption>
</figure>
<table>
<thead><tr>${header}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Bug-inducing changes caught against estimated cost</h2>
<figure>
${raw(renderCostCurveSvg(result))}
<figcaption class="note">The changes the policy reviews start on the fast tier and move to the deep tier highest score first; the cost is the app's own estimate before a review (its prompt without code context, priced with the price table), as a share of reviewing every change on the deep tier. Escalations from the fast tier are not counted.</figcaption>
</figure>
<ul>
<li>Policy in force (levels ${describeLevels(result.inForce)}): ${describeRouting(result.inForce).join('; ')}.</li>
<li>Suggested (levels ${describeLevels(result.suggestion.routing)}): ${describeRouting(result.suggestion.routing).join('; ')}.</li>
</ul>
<h2>Suggested levels ${describeTargets(result.suggestion)}</h2>
${missed === null ? '' : html`<p class="note">${missed}.</p>`}
<pre>${renderPolicySnippet(result)}</pre>
<p class="note">A commit is bug-inducing when a later fix commit (found by its message) deleted or changed one of its source lines, traced with git blame, or when it was reverted (SZZ). Only commits with a year of history after them are measured.</p>
</body>
</html>
`.value;
};
