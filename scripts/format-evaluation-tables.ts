import type { RoutingFigures } from '../src/calibrate/measure-routing.js';
import type { ScorerId, ScorerMetrics } from '../src/calibrate/types.js';
import { SCORER_IDS } from '../src/calibrate/types.js';

/** The aggregate figures of one repository: no commit, path or line of it. */
export interface RepositoryFigures {
  readonly name: string;
  readonly commits: number;
  readonly sourceCommits: number;
  readonly bugInducing: number;
  /** Unix seconds of the oldest and newest evaluated commits. */
  readonly from: number;
  readonly to: number;
  readonly all: readonly ScorerMetrics[];
  /** The same, on the commits that touch a source file only. */
  readonly sourceOnly: readonly ScorerMetrics[];
  /** The default policy's routing, with the app's cost estimates. */
  readonly policy: RoutingFigures;
  /** Lines added, sending the same share of commits deep. */
  readonly linesAdded: RoutingFigures;
}

const LABELS: Readonly<Record<ScorerId, string>> = {
  classifier: 'classifier',
  'lines-added': 'lines added',
  'size-class': 'size class',
  random: 'random',
};

const fixed = (value: number): string => (Number.isNaN(value) ? 'n/a' : value.toFixed(3));
const percent = (value: number): string =>
  Number.isNaN(value) ? 'n/a' : `${Math.round(value * 100)}%`;
const year = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 7);

const metricOf = (metrics: readonly ScorerMetrics[], scorer: ScorerId): ScorerMetrics | undefined =>
  metrics.find((m) => m.scorer === scorer);

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** The mean over repositories of one figure (each repository counts once, whatever its size). */
const meanOf = (
  rows: readonly RepositoryFigures[],
  view: 'all' | 'sourceOnly',
  scorer: ScorerId,
  pick: (m: ScorerMetrics) => number,
): number => mean(rows.map((row) => pick(metricOf(row[view], scorer) ?? NO_METRICS)));

const NO_METRICS: ScorerMetrics = { scorer: 'random', auc: Number.NaN, catchRates: [] };

const aucRow = (name: string, pick: (scorer: ScorerId) => number): string =>
  `| ${name} | ${SCORER_IDS.map((scorer) => fixed(pick(scorer))).join(' | ')} |`;

const catchCell = (pick: (scorer: ScorerId) => number): string =>
  SCORER_IDS.map((scorer) => percent(pick(scorer))).join(' / ');

/** One table of AUC and one of catch rates at 10/20/30% deep, with a mean row, for one view. */
const formatView = (rows: readonly RepositoryFigures[], view: 'all' | 'sourceOnly'): string => {
  const header = `| repository | ${SCORER_IDS.map((s) => `AUC ${LABELS[s]}`).join(' | ')} |`;
  const auc = [
    header,
    `|---|${SCORER_IDS.map(() => '---:').join('|')}|`,
    ...rows.map((row) =>
      aucRow(row.name, (scorer) => metricOf(row[view], scorer)?.auc ?? Number.NaN),
    ),
    aucRow('**mean**', (scorer) => meanOf(rows, view, scorer, (m) => m.auc)),
  ];
  const shares = [0, 1, 2];
  const catchHeader = `| repository | ${shares.map((i) => `caught at ${(i + 1) * 10}% deep`).join(' | ')} |`;
  const caught = (metrics: ScorerMetrics | undefined, index: number): number =>
    metrics?.catchRates[index]?.caught ?? Number.NaN;
  const catchRows = [
    catchHeader,
    `|---|${shares.map(() => '---:').join('|')}|`,
    ...rows.map(
      (row) =>
        `| ${row.name} | ${shares.map((i) => catchCell((s) => caught(metricOf(row[view], s), i))).join(' | ')} |`,
    ),
    `| **mean** | ${shares.map((i) => catchCell((s) => meanOf(rows, view, s, (m) => caught(m, i)))).join(' | ')} |`,
  ];
  return [
    ...auc,
    '',
    `Catch rates, ${SCORER_IDS.map((s) => LABELS[s]).join(' / ')}:`,
    '',
    ...catchRows,
  ].join('\n');
};

const percent1 = (value: number): string =>
  Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`;

/** The default policy's deep share, catch and cost ratio, next to lines added at that share. */
const formatRouting = (rows: readonly RepositoryFigures[]): string => {
  const cells = (policy: RoutingFigures, lines: RoutingFigures): string[] => [
    percent1(policy.deepShare),
    percent1(policy.caught),
    percent1(policy.costVsAllDeep),
    percent1(lines.caught),
    percent1(lines.costVsAllDeep),
  ];
  const meanRouting = (pick: (row: RepositoryFigures) => RoutingFigures): RoutingFigures => {
    const all = rows.map(pick);
    const avg = (key: 'deepShare' | 'caught' | 'costVsAllDeep') => mean(all.map((f) => f[key]));
    return {
      ...all[0]!,
      deepShare: avg('deepShare'),
      caught: avg('caught'),
      costVsAllDeep: avg('costVsAllDeep'),
    };
  };
  return [
    '| repository | deep share | caught on deep | cost vs all-deep | lines added: caught | lines added: cost vs all-deep |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.name} | ${cells(row.policy, row.linesAdded).join(' | ')} |`),
    `| **mean** | ${cells(
      meanRouting((row) => row.policy),
      meanRouting((row) => row.linesAdded),
    ).join(' | ')} |`,
  ].join('\n');
};

/** The Markdown of docs/risk-evidence.md for one set of repositories. */
export const formatEvaluationTables = (rows: readonly RepositoryFigures[]): string => {
  const data = [
    '| repository | evaluated commits | touching source | bug-inducing | commits from |',
    '|---|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.commits} | ${row.sourceCommits} | ${row.bugInducing} (${percent(row.bugInducing / row.commits)}) | ${year(row.from)} to ${year(row.to)} |`,
    ),
  ];
  return [
    ...data,
    '',
    '**Default policy: deep share, catch and estimated cost (lines added at the same deep share)**',
    '',
    formatRouting(rows),
    '',
    '**All commits**',
    '',
    formatView(rows, 'all'),
    '',
    '**Commits that touch a source file only**',
    '',
    formatView(rows, 'sourceOnly'),
  ].join('\n');
};

/**
 * The mean over repositories of the deep share, catch and estimated cost at each level where the
 * deep tier could begin: one row per level, from `--sweep`.
 */
export const formatSweep = (
  sweeps: readonly (readonly { threshold: number; figures: RoutingFigures }[])[],
): string => {
  const levels = sweeps[0]?.map((point) => point.threshold) ?? [];
  const meanAt = (index: number, key: 'deepShare' | 'caught' | 'costVsAllDeep'): number =>
    mean(sweeps.map((repository) => repository[index]?.figures[key] ?? Number.NaN));
  return [
    '| deep tier from | deep share | caught on deep | cost vs all-deep |',
    '|---:|---:|---:|---:|',
    ...levels.map(
      (level, index) =>
        `| ${level.toFixed(2)} | ${percent1(meanAt(index, 'deepShare'))} | ${percent1(meanAt(index, 'caught'))} | ${percent1(meanAt(index, 'costVsAllDeep'))} |`,
    ),
  ].join('\n');
};
