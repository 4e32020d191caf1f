/**
 * The cross-project evaluation of docs/risk-evidence.md: runs calibrate's mining and scoring on
 * each repository of a set (git directories from the search tool's `fetch`, under --mirror as
 * OWNER+NAME/repo) and prints the figures as Markdown. Keeps no source or patch of any project;
 * blame results are cached under the system's temp directory.
 *
 *   npm run evaluate:risk -- --set held-out
 *
 * --blame-all-files labels with every text file a fix changed (tests, docs, configuration
 * too), to check that labelling only source lines does not decide the comparison.
 * --history scores each commit with the history-aware signals and the history before it.
 * --sweep also prints, for each level where the deep tier could begin (0.10 to 0.30), the mean
 * deep share, catch and estimated cost over the set: how the default levels were chosen.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { calibrateRepository } from '../src/calibrate/calibrate-repository.js';
import type { CalibrationResult } from '../src/calibrate/calibration.js';
import { computeScorerMetrics } from '../src/calibrate/compute-metrics.js';
import { measureRankedRouting } from '../src/calibrate/measure-ranked-routing.js';
import { measureRouting, type RoutingFigures } from '../src/calibrate/measure-routing.js';
import { SCORER_IDS, type ScorerMetrics } from '../src/calibrate/types.js';
import { loadPriceTable } from '../src/ledger/price-table.js';
import { DEFAULT_POLICY } from '../src/policy/default-policy.js';
import { DEFAULT_LIMITS } from '../src/worker/types.js';
import {
  formatEvaluationTables,
  formatSweep,
  type RepositoryFigures,
} from './format-evaluation-tables.js';
import { REPOSITORY_SETS } from './risk-evaluation-repos.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'tuning' },
    repos: { type: 'string' },
    mirror: { type: 'string', default: '/work/.mirror' },
    'max-commits': { type: 'string', default: '2000' },
    json: { type: 'string' },
    sweep: { type: 'boolean', default: false },
    'blame-all-files': { type: 'boolean', default: false },
    history: { type: 'boolean', default: false },
  },
});

/** Where the deep tier begins (risk.levels.medium with the default rules), in steps of 0.01. */
const SWEEP = Array.from({ length: 21 }, (_, step) => Math.round((0.1 + step / 100) * 100) / 100);

const names = values.repos?.split(',') ?? REPOSITORY_SETS[values.set] ?? [];
if (names.length === 0) throw new Error(`unknown --set ${values.set}`);

const figuresOf = (result: CalibrationResult, sourceOnly: boolean): ScorerMetrics[] => {
  const commits = sourceOnly ? result.commits.filter((c) => c.touchesSource) : result.commits;
  return SCORER_IDS.map((scorer) => computeScorerMetrics(commits, scorer));
};

const prices = loadPriceTable({ overridePath: process.env['PRICES_FILE'] });
const rows: RepositoryFigures[] = [];
const sweeps: { threshold: number; figures: RoutingFigures }[][] = [];
for (const name of names) {
  const gitDir = join(values.mirror, name.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) {
    process.stderr.write(`${name}: no git directory at ${gitDir}; fetch it first\n`);
    continue;
  }
  const result = await calibrateRepository({
    gitDir,
    deepRate: 0.2,
    policy: DEFAULT_POLICY,
    prices,
    maxInputTokens: DEFAULT_LIMITS.maxInputTokens,
    followUpDays: 365,
    maxCommits: Number(values['max-commits']),
    minCommits: 50,
    cacheDir: join(tmpdir(), 'review-router-calibrate'),
    concurrency: 2,
    blameAllFiles: values['blame-all-files'],
    history: values.history,
  });
  if (result.status !== 'ok') {
    process.stderr.write(`${name}: ${result.reason}\n`);
    continue;
  }
  process.stderr.write(`${name}: ${result.commits.length} commits in ${result.elapsedMs} ms\n`);
  sweeps.push(
    SWEEP.map((threshold) => ({
      threshold,
      figures: measureRouting(result.commits, {
        medium: threshold,
        high: Math.max(DEFAULT_POLICY.risk.levels.high, threshold + 0.01),
        critical: DEFAULT_POLICY.risk.levels.critical,
      }),
    })),
  );
  const { inForce } = result;
  rows.push({
    name,
    policy: inForce,
    linesAdded: measureRankedRouting({
      commits: result.commits,
      scorer: 'lines-added',
      deepShare: inForce.deepShare,
      levels: inForce.levels,
    }),
    commits: result.commits.length,
    sourceCommits: result.commits.filter((c) => c.touchesSource).length,
    bugInducing: result.bugInducing,
    from: result.from,
    to: result.to,
    all: figuresOf(result, false),
    sourceOnly: figuresOf(result, true),
  });
}

process.stdout.write(`${formatEvaluationTables(rows)}\n`);
if (values.sweep) process.stdout.write(`\n${formatSweep(sweeps)}\n`);
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
