/// <reference lib="dom" />
/**
 * `/reports/assets/report-page.js`, a module the page loads after uPlot's script: draws the
 * report page's charts from the JSON in `<script id="report-data">`. It writes only to canvases
 * and textContent, never HTML. The build compiles it like the rest of src/; see report-assets.ts
 * for how it is served from a checkout without a build.
 */
import type UPlot from 'uplot';
import type { ReportChartData } from '../render-report-page.js';

/** uPlot's browser build defines it as a global; the page loads that script before this one. */
declare const uPlot: typeof UPlot | undefined;

type Day = ReportChartData['byDay'][number];
type Repo = ReportChartData['byRepo'][number];
type Build = (plotting: typeof UPlot, width: number, target: HTMLElement) => UPlot;

const COLORS = {
  fast: '#14b8a6',
  deep: '#6366f1',
  spend: '#2563eb',
  allDeep: '#94a3b8',
  saved: 'rgba(20, 184, 166, 0.16)',
};
const AXIS: UPlot.Axis = {
  stroke: '#64748b',
  grid: { stroke: '#eef2f7', width: 1 },
  ticks: { stroke: '#e2e8f0', width: 1 },
};
const DAY = 86400;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const round = (usd: number): number => Math.round(usd * 1e9) / 1e9;
const money = (usd: number | null | undefined): string => {
  if (usd == null || !Number.isFinite(usd)) return '--';
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs === 0) return '$0.00';
  if (abs >= 1)
    return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const rounded = Number(abs.toPrecision(3)); // as formatUsd: plain decimals, never "2.00e-9".
  const places = Math.max(2, 2 - Math.floor(Math.log10(rounded)));
  const [whole, fraction = ''] = rounded.toFixed(places).split('.');
  return `${sign}$${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
};
const axisMoney = (_u: UPlot, splits: number[]): string[] =>
  splits.map((v) => (v == null ? '' : money(v)));
const utcDay = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
const short = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
const yFromZero = (_u: UPlot, _min: number, max: number): UPlot.Range.MinMax => [
  0,
  max > 0 ? max * 1.12 : 1,
];
const dayLabel = (ts: number): string => {
  const d = new Date(ts * 1000);
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}`;
};
const dayAxis: UPlot.Axis = {
  ...AXIS,
  space: 56,
  incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 182 * DAY, 364 * DAY],
  values: (_u, splits) => splits.map((ts) => (ts == null ? '' : dayLabel(ts))),
};
const moneyAxis: UPlot.Axis = { ...AXIS, values: axisMoney, size: 64 };
const sum = (values: readonly number[]): number => values.reduce((total, v) => round(total + v), 0);
/** Legend values: the hovered point, or the given summary while the cursor is off the chart. */
const legendValue =
  (values: readonly number[], summary: number) =>
  (_u: UPlot, _v: number, _s: number, i: number | null): string =>
    i == null ? money(summary) : money(values[i]);
const barPaths = (plotting: typeof UPlot, options: UPlot.Series.BarsPathBuilderOpts) => {
  const bars = plotting.paths.bars;
  if (!bars) throw new Error('this uPlot build has no bar charts');
  return bars(options);
};
const seconds = (d: Day): number => Date.parse(`${d.day}T00:00:00Z`) / 1000;
const utc = (plotting: typeof UPlot) => (ts: number) =>
  plotting.tzDate(new Date(ts * 1000), 'Etc/UTC');

const drawDaily =
  (days: readonly Day[]): Build =>
  (plotting, width, target) => {
    const fast = days.map((d) => d.byTier.fast);
    const deep = days.map((d) => d.byTier.deep);
    const stacked = days.map((d) => round(d.byTier.fast + d.byTier.deep));
    const bars = barPaths(plotting, { size: [0.7, 56], gap: 2 });
    const bar = { width: 0, paths: bars, points: { show: false } };
    const options: UPlot.Options = {
      width,
      height: 260,
      tzDate: utc(plotting),
      cursor: { points: { show: false } },
      scales: {
        x: { time: true, range: (_u, min, max) => [min - 0.7 * DAY, max + 0.7 * DAY] },
        y: { range: yFromZero },
      },
      axes: [dayAxis, moneyAxis],
      series: [
        { label: 'Day', value: (_u, ts, _s, i) => (i == null ? 'all days' : utcDay(ts)) },
        {
          label: 'Deep',
          stroke: COLORS.deep,
          fill: COLORS.deep,
          ...bar,
          value: legendValue(deep, sum(deep)),
        },
        {
          label: 'Fast',
          stroke: COLORS.fast,
          fill: COLORS.fast,
          ...bar,
          value: legendValue(fast, sum(fast)),
        },
      ],
    };
    return new plotting(options, [days.map(seconds), stacked, fast], target);
  };

const drawRepos =
  (repos: readonly Repo[]): Build =>
  (plotting, width, target) => {
    const xs = repos.map((_r, i) => i);
    const rotate = repos.length > 4 && width / repos.length < 110;
    const spend = repos.map((r) => r.costUsd);
    const allDeep = repos.map((r) => r.deepCostUsd);
    const options: UPlot.Options = {
      width,
      height: 280,
      cursor: { points: { show: false } },
      scales: {
        x: { time: false, range: () => [-0.6, repos.length - 0.4] },
        y: { range: yFromZero },
      },
      axes: [
        {
          ...AXIS,
          splits: () => xs,
          values: (_u, splits) =>
            splits.map((i) => (repos[i] ? short(repos[i].repo, rotate ? 22 : 28) : '')),
          rotate: rotate ? -30 : 0,
          size: rotate ? 90 : 40,
          grid: { show: false },
        },
        moneyAxis,
      ],
      series: [
        {
          label: 'Repository',
          value: (_u, _v, _s, i) =>
            i == null || !repos[i] ? `these ${repos.length}` : repos[i].repo,
        },
        {
          label: 'Spend',
          stroke: COLORS.spend,
          fill: COLORS.spend,
          width: 0,
          paths: barPaths(plotting, { size: [0.6, 64] }),
          points: { show: false },
          value: legendValue(spend, sum(spend)),
        },
        {
          label: 'All-deep',
          stroke: COLORS.allDeep,
          paths: () => null,
          points: { show: true, size: 10, width: 2, stroke: COLORS.allDeep, fill: '#fff' },
          value: legendValue(allDeep, sum(allDeep)),
        },
      ],
    };
    return new plotting(options, [xs, spend, allDeep], target);
  };

const drawSavings =
  (days: readonly Day[]): Build =>
  (plotting, width, target) => {
    const xs = days.map(seconds);
    let spend = 0;
    let without = 0;
    const cumSpend = days.map((d) => (spend = round(spend + d.costUsd)));
    // Spend plus saved: the band between the lines is the saving the page states.
    const cumWithout = days.map((d) => (without = round(without + d.costUsd + d.savedUsd)));
    const few = days.length < 40;
    const options: UPlot.Options = {
      width,
      height: 280,
      tzDate: utc(plotting),
      scales: {
        x: {
          time: true,
          range: (_u, min, max) => (min === max ? [min - DAY, max + DAY] : [min, max]),
        },
        y: { range: yFromZero },
      },
      axes: [dayAxis, moneyAxis],
      bands: [{ series: [1, 2], fill: COLORS.saved }],
      series: [
        { label: 'Up to', value: (_u, ts, _s, i) => utcDay(i == null ? (xs.at(-1) ?? ts) : ts) },
        {
          label: 'Without routing',
          stroke: COLORS.allDeep,
          width: 2,
          dash: [6, 4],
          points: { show: few },
          value: legendValue(cumWithout, without),
        },
        {
          label: 'Spend',
          stroke: COLORS.spend,
          width: 2,
          points: { show: few },
          value: legendValue(cumSpend, spend),
        },
      ],
    };
    return new plotting(options, [xs, cumWithout, cumSpend], target);
  };

const plotWidth = (target: HTMLElement): number => Math.max(240, Math.floor(target.clientWidth));

const start = (plotting: typeof UPlot): void => {
  const source = document.getElementById('report-data');
  if (!source) return;
  const data = JSON.parse(source.textContent || '{}') as Partial<ReportChartData>;
  const plots: { plot: UPlot; target: HTMLElement }[] = [];
  const mount = (figureId: string, build: Build): void => {
    const figure = document.getElementById(figureId);
    const target = figure?.querySelector<HTMLElement>('.plot');
    if (!figure || !target) return;
    plots.push({ plot: build(plotting, plotWidth(target), target), target });
    figure.setAttribute('data-rendered', 'true');
  };
  const days = data.byDay ?? [];
  const repos = data.byRepo ?? [];
  if (days.length > 0) {
    mount('chart-daily', drawDaily(days));
    mount('chart-savings', drawSavings(days));
  }
  if (repos.length > 0) mount('chart-repos', drawRepos(repos));
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      for (const { plot, target } of plots)
        plot.setSize({ width: plotWidth(target), height: plot.height });
    });
  });
};

if (typeof uPlot === 'function') start(uPlot);
