/**
 * The cross-project evaluation of docs/risk-evidence.md: runs calibrate's mining and scoring on
 * each repository of a set (git directories from the search tool's `fetch`, under --mirror as
 * OWNER+NAME/repo) and prints the figures as Markdown. Keeps no source or patch of any project;
 * blame results are cached under the system's temp directory.
 *
 *   node --import ./scripts/resolve-ts-imports.ts scripts/evaluate-risk.ts --set held-out
 *
 * --blame-all-files labels with every text file a fix changed (tests, docs, configuration
 * too), to check that labelling only source lines does not decide the comparison.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { calibrateRepository } from '../src/calibrate/calibrate-repository.js';
import type { CalibrationResult } from '../src/calibrate/calibration.js';
import { computeScorerMetrics } from '../src/calibrate/compute-metrics.js';
import { SCORER_IDS, type ScorerMetrics } from '../src/calibrate/types.js';
import { loadPriceTable } from '../src/ledger/price-table.js';
import { DEFAULT_POLICY } from '../src/policy/default-policy.js';
import { DEFAULT_LIMITS } from '../src/worker/types.js';
import { formatEvaluationTables, type RepositoryFigures } from './format-evaluation-tables.js';
import { REPOSITORY_SETS } from './risk-evaluation-repos.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'tuning' },
    repos: { type: 'string' },
    mirror: { type: 'string', default: '/work/.mirror' },
    'max-commits': { type: 'string', default: '2000' },
    json: { type: 'string' },
    'dump-commits': { type: 'string' },
    'blame-all-files': { type: 'boolean', default: false },
  },
});

const names = values.repos?.split(',') ?? REPOSITORY_SETS[values.set] ?? [];
if (names.length === 0) throw new Error(`unknown --set ${values.set}`);

const figuresOf = (result: CalibrationResult, sourceOnly: boolean): ScorerMetrics[] => {
  const commits = sourceOnly ? result.commits.filter((c) => c.touchesSource) : result.commits;
  return SCORER_IDS.map((scorer) => computeScorerMetrics(commits, scorer));
};

const prices = loadPriceTable({ overridePath: process.env['PRICES_FILE'] });
const rows: RepositoryFigures[] = [];
const dumped: object[] = [];
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
  });
  if (result.status !== 'ok') {
    process.stderr.write(`${name}: ${result.reason}\n`);
    continue;
  }
  process.stderr.write(`${name}: ${result.commits.length} commits in ${result.elapsedMs} ms\n`);
  for (const commit of result.commits) {
    dumped.push({
      repo: name,
      bug: commit.bugInducing,
      source: commit.touchesSource,
      scores: commit.scores,
      route: commit.route,
    });
  }
  rows.push({
    name,
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
if (values['dump-commits'] !== undefined)
  writeFileSync(values['dump-commits'], JSON.stringify(dumped));
if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
