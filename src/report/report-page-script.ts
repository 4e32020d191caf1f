/**
 * `/reports/assets/report-page.js`: draws the report page's charts with uPlot from the JSON in
 * `<script id="report-data">`. Plain browser JavaScript kept in a string, so the build ships it
 * without a bundler. It writes only to canvases and textContent, never HTML.
 */
export const REPORT_PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var COLORS = { fast: '#14b8a6', deep: '#6366f1', spend: '#2563eb', allDeep: '#94a3b8', saved: 'rgba(20, 184, 166, 0.16)' };
  var AXIS = { stroke: '#64748b', grid: { stroke: '#eef2f7', width: 1 }, ticks: { stroke: '#e2e8f0', width: 1 } };
  var DAY = 86400;

  var round = function (usd) { return Math.round(usd * 1e9) / 1e9; };
  var money = function (usd) {
    if (usd == null || !isFinite(usd)) return '--';
    var sign = usd < 0 ? '-' : '';
    var abs = Math.abs(usd);
    if (abs === 0) return '$0.00';
    if (abs >= 1) return sign + '$' + abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    var parts = abs.toPrecision(3).split('.');
    return sign + '$' + parts[0] + '.' + (parts[1] || '').replace(/0+$/, '').padEnd(2, '0');
  };
  var axisMoney = function (u, splits) { return splits.map(function (v) { return v == null ? '' : money(v); }); };
  var utcDay = function (seconds) { return new Date(seconds * 1000).toISOString().slice(0, 10); };
  var short = function (text, max) { return text.length > max ? text.slice(0, max - 1) + '\u2026' : text; };
  var yFromZero = function (u, min, max) { return [0, max > 0 ? max * 1.12 : 1]; };
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var dayLabel = function (ts) { var d = new Date(ts * 1000); return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate(); };
  var dayAxis = Object.assign({}, AXIS, {
    space: 56,
    incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 182 * DAY, 364 * DAY],
    values: function (u, splits) { return splits.map(function (ts) { return ts == null ? '' : dayLabel(ts); }); },
  });
  var sum = function (values) { return values.reduce(function (total, v) { return round(total + v); }, 0); };
  /** Legend values: the hovered point, or the given summary while the cursor is off the chart. */
  var legendValue = function (values, summary) {
    return function (u, v, s, i) { return i == null ? money(summary) : money(values[i]); };
  };

  var plots = [];
  var mount = function (figureId, build) {
    var figure = document.getElementById(figureId);
    if (!figure) return;
    var target = figure.querySelector('.plot');
    var width = Math.max(240, Math.floor(target.clientWidth));
    var plot = build(width, target);
    plots.push({ plot: plot, target: target });
    figure.setAttribute('data-rendered', 'true');
  };

  var drawDaily = function (days) {
    return function (width, target) {
      var xs = days.map(function (d) { return Date.parse(d.day + 'T00:00:00Z') / 1000; });
      var fast = days.map(function (d) { return d.byTier.fast; });
      var deep = days.map(function (d) { return d.byTier.deep; });
      var stacked = days.map(function (d) { return round(d.byTier.fast + d.byTier.deep); });
      var bars = uPlot.paths.bars({ size: [0.7, 56], gap: 2 });
      return new uPlot({
        width: width,
        height: 260,
        tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
        cursor: { points: { show: false } },
        scales: {
          x: { time: true, range: function (u, min, max) { return [min - 0.7 * DAY, max + 0.7 * DAY]; } },
          y: { range: yFromZero },
        },
        axes: [
          dayAxis,
          Object.assign({}, AXIS, { values: axisMoney, size: 64 }),
        ],
        series: [
          { label: 'Day', value: function (u, ts, s, i) { return i == null ? 'all days' : utcDay(ts); } },
          { label: 'Deep', stroke: COLORS.deep, fill: COLORS.deep, width: 0, paths: bars, points: { show: false }, value: legendValue(deep, sum(deep)) },
          { label: 'Fast', stroke: COLORS.fast, fill: COLORS.fast, width: 0, paths: bars, points: { show: false }, value: legendValue(fast, sum(fast)) },
        ],
      }, [xs, stacked, fast], target);
    };
  };

  var drawRepos = function (repos) {
    return function (width, target) {
      var xs = repos.map(function (r, i) { return i; });
      var rotate = repos.length > 4 && width / repos.length < 110;
      var spend = repos.map(function (r) { return r.costUsd; });
      var allDeep = repos.map(function (r) { return r.deepCostUsd; });
      return new uPlot({
        width: width,
        height: 280,
        cursor: { points: { show: false } },
        scales: {
          x: { time: false, range: function () { return [-0.6, repos.length - 0.4]; } },
          y: { range: yFromZero },
        },
        axes: [
          Object.assign({}, AXIS, {
            splits: function () { return xs; },
            values: function (u, splits) { return splits.map(function (i) { return repos[i] ? short(repos[i].repo, rotate ? 22 : 28) : ''; }); },
            rotate: rotate ? -30 : 0,
            size: rotate ? 90 : 40,
            grid: { show: false },
          }),
          Object.assign({}, AXIS, { values: axisMoney, size: 64 }),
        ],
        series: [
          { label: 'Repository', value: function (u, v, s, i) { return i == null || !repos[i] ? 'these ' + repos.length : repos[i].repo; } },
          { label: 'Spend', stroke: COLORS.spend, fill: COLORS.spend, width: 0, paths: uPlot.paths.bars({ size: [0.6, 64] }), points: { show: false }, value: legendValue(spend, sum(spend)) },
          { label: 'All-deep', stroke: COLORS.allDeep, paths: function () { return null; }, points: { show: true, size: 10, width: 2, stroke: COLORS.allDeep, fill: '#fff' }, value: legendValue(allDeep, sum(allDeep)) },
        ],
      }, [xs, spend, allDeep], target);
    };
  };

  var drawSavings = function (days) {
    return function (width, target) {
      var xs = days.map(function (d) { return Date.parse(d.day + 'T00:00:00Z') / 1000; });
      var spend = 0;
      var deep = 0;
      var cumSpend = days.map(function (d) { spend = round(spend + d.costUsd); return spend; });
      var cumDeep = days.map(function (d) { deep = round(deep + d.deepCostUsd); return deep; });
      var few = days.length < 40;
      return new uPlot({
        width: width,
        height: 280,
        tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
        scales: {
          x: { time: true, range: function (u, min, max) { return min === max ? [min - DAY, max + DAY] : [min, max]; } },
          y: { range: yFromZero },
        },
        axes: [
          dayAxis,
          Object.assign({}, AXIS, { values: axisMoney, size: 64 }),
        ],
        bands: [{ series: [1, 2], fill: COLORS.saved }],
        series: [
          { label: 'Up to', value: function (u, ts, s, i) { return utcDay(i == null ? xs[xs.length - 1] : ts); } },
          { label: 'All-deep', stroke: COLORS.allDeep, width: 2, dash: [6, 4], points: { show: few }, value: legendValue(cumDeep, deep) },
          { label: 'Spend', stroke: COLORS.spend, width: 2, points: { show: few }, value: legendValue(cumSpend, spend) },
        ],
      }, [xs, cumDeep, cumSpend], target);
    };
  };

  var start = function () {
    var source = document.getElementById('report-data');
    if (!source || typeof uPlot !== 'function') return;
    var data = JSON.parse(source.textContent || '{}');
    var days = data.byDay || [];
    var repos = data.byRepo || [];
    if (days.length > 0) {
      mount('chart-daily', drawDaily(days));
      mount('chart-savings', drawSavings(days));
    }
    if (repos.length > 0) mount('chart-repos', drawRepos(repos));
    var pending = 0;
    window.addEventListener('resize', function () {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(function () {
        plots.forEach(function (p) {
          p.plot.setSize({ width: Math.max(240, Math.floor(p.target.clientWidth)), height: p.plot.height });
        });
      });
    });
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
