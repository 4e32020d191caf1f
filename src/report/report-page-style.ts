/** `/reports/assets/report-page.css`: the report page's look, served by the app (no inline style). */
export const REPORT_PAGE_STYLE = `
:root {
  --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; --card: #ffffff;
  --accent: #2563eb; --fast: #14b8a6; --deep: #6366f1; --saved: #0f766e;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.top {
  display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-end; justify-content: space-between;
  padding: 20px 32px; background: var(--card); border-bottom: 1px solid var(--line);
}
h1 { margin: 0; font-size: 22px; letter-spacing: -0.01em; }
h2 { margin: 0 0 12px; font-size: 16px; }
.scope { margin: 2px 0 0; color: var(--muted); overflow-wrap: anywhere; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-end; }
.filters label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--muted); }
.filters input {
  width: 150px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px;
  font: inherit; color: var(--ink); background: #fff;
}
.filters button {
  padding: 7px 16px; border: 0; border-radius: 6px; background: var(--accent); color: #fff;
  font: inherit; font-weight: 600; cursor: pointer;
}
main { max-width: 1280px; margin: 0 auto; padding: 24px 32px 8px; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 16px; }
.card, .chart, .reviews {
  background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 1px 2px rgba(15, 23, 42, 0.04);
}
.card { padding: 16px 18px; }
.card-label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
.card-value { font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; margin-top: 4px; }
.card-note { color: var(--muted); font-size: 12px; }
#total-saved .card-value { color: var(--saved); }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; margin-top: 16px; }
.chart { margin: 0; padding: 16px 18px 8px; min-width: 0; }
.chart.wide { grid-column: 1 / -1; }
.chart figcaption { font-weight: 600; margin-bottom: 8px; }
.chart .plot { width: 100%; min-height: 40px; }
.chart-note { margin: 4px 0 6px; color: var(--muted); font-size: 12px; }
.uplot { width: 100%; font-family: inherit; }
.u-legend { font-size: 12px; }
.reviews { margin-top: 16px; padding: 16px 18px; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { color: var(--muted); font-size: 12px; font-weight: 600; white-space: nowrap; }
tbody tr:hover { background: #f1f5f9; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.reason { max-width: 420px; overflow-wrap: anywhere; }
.tier { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.tier-fast { background: #ccfbf1; color: #115e59; }
.tier-deep { background: #e0e7ff; color: #3730a3; }
.tier-skip { background: #f1f5f9; color: var(--muted); }
.empty { color: var(--muted); padding: 24px 0; text-align: center; }
footer { max-width: 1280px; margin: 0 auto; padding: 8px 32px 32px; color: var(--muted); font-size: 12px; }
@media (max-width: 800px) {
  .charts { grid-template-columns: minmax(0, 1fr); }
  .top, main, footer { padding-left: 16px; padding-right: 16px; }
}
`;
