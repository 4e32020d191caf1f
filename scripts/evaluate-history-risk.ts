/**
 * The "History-aware risk" figures of docs/risk-evidence.md: each repository of a set is scored
 * twice in the same run, as a repository without history (today's score) and with the history
 * before each commit (the history-aware signals), on the same SZZ labels. Prints, per repository
 * and as a mean over repositories, ROC AUC and the share of bug-inducing commits caught when the
 * deep tier takes 20%, and where the default policy's routing rules send commits (risk level and
 * size conditions; labels, paths and authors cannot be told from history) with the share of
 * bug-inducing commits that land deep. Keeps no source or patch of any project.
 *
 *   node --import ./scripts/typescript-hooks.mjs scripts/evaluate-history-risk.ts --set held-out
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { calibrateRepository } from '../src/calibrate/calibrate-repository.js';
import { computeScorerMetrics } from '../src/calibrate/compute-metrics.js';
import type { ScoredCommit } from '../src/calibrate/types.js';
import { riskLevelOf } from '../src/classify/score-risk.js';
import { SIZE_CLASSES } from '../src/domain/classification.js';
import type { Policy } from '../src/domain/policy.js';
import { loadPriceTable } from '../src/ledger/price-table.js';
import { DEFAULT_POLICY } from '../src/policy/default-policy.js';
import { DEFAULT_LIMITS } from '../src/worker/types.js';
import { REPOSITORY_SETS } from './risk-evaluation-repos.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'held-out' },
    repos: { type: 'string' },
    mirror: { type: 'string', default: '/work/.mirror' },
    'max-commits': { type: 'string', default: '2000' },
  },
});

const names = values.repos?.split(',') ?? REPOSITORY_SETS[values.set] ?? [];
if (names.length === 0) throw new Error(`unknown --set ${values.set}`);

/** Whether the policy's first matching rule on risk level and size sends the commit deep. */
const routedDeep = (commit: ScoredCommit, policy: Policy): boolean => {
  const level = riskLevelOf(commit.scores.classifier, policy.risk.levels);
  const size = SIZE_CLASSES[commit.scores['size-class']];
  for (const rule of policy.routing.rules) {
    const { risk, size: sizes, ...others } = rule.when;
    if (Object.keys(others).length > 0 || (risk === undefined && sizes === undefined)) continue;
    if (risk !== undefined && !risk.includes(level)) continue;
    if (sizes !== undefined && (size === undefined || !sizes.includes(size))) continue;
    return rule.tier === 'deep';
  }
  return policy.routing.default === 'deep';
};

interface Figures {
  readonly auc: number;
  readonly caught20: number;
  readonly deepShare: number;
  readonly deepCaught: number;
}

const figuresOf = (commits: readonly ScoredCommit[]): Figures => {
  const metrics = computeScorerMetrics(commits, 'classifier');
  const deep = commits.filter((commit) => routedDeep(commit, DEFAULT_POLICY));
  const bugs = commits.filter((commit) => commit.bugInducing).length;
  return {
    auc: metrics.auc,
    caught20: metrics.catchRates.find((rate) => rate.deepShare === 0.2)?.caught ?? Number.NaN,
    deepShare: deep.length / commits.length,
    deepCaught: deep.filter((commit) => commit.bugInducing).length / bugs,
  };
};

const prices = loadPriceTable({ overridePath: process.env['PRICES_FILE'] });

const measure = async (gitDir: string, history: boolean) => {
  const result = await calibrateRepository({
    gitDir,
    deepRate: 0.2,
    policy: DEFAULT_POLICY,
    followUpDays: 365,
    maxCommits: Number(values['max-commits']),
    minCommits: 50,
    cacheDir: join(tmpdir(), 'review-router-calibrate'),
    concurrency: 2,
    history,
    prices,
    maxInputTokens: DEFAULT_LIMITS.maxInputTokens,
  });
  return result.status === 'ok' ? figuresOf(result.commits) : null;
};

const rows: { name: string; without: Figures; with: Figures }[] = [];
for (const name of names) {
  const gitDir = join(values.mirror, name.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) {
    process.stderr.write(`${name}: no git directory at ${gitDir}; fetch it first\n`);
    continue;
  }
  const without = await measure(gitDir, false);
  const withHistory = await measure(gitDir, true);
  if (without === null || withHistory === null) {
    process.stderr.write(`${name}: not enough history to measure\n`);
    continue;
  }
  process.stderr.write(`${name}: measured\n`);
  rows.push({ name, without, with: withHistory });
}

const fixed = (value: number): string => value.toFixed(3);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const mean = (pick: (row: (typeof rows)[number]) => number): number =>
  rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

const out = [
  line([
    'repository',
    'AUC without / with history',
    'caught at 20% deep, without / with',
    'default policy: deep share, without / with',
    'default policy: caught deep, without / with',
  ]),
  line(['---', '---:', '---:', '---:', '---:']),
  ...[
    ...rows,
    {
      name: '**mean**',
      without: {
        auc: mean((r) => r.without.auc),
        caught20: mean((r) => r.without.caught20),
        deepShare: mean((r) => r.without.deepShare),
        deepCaught: mean((r) => r.without.deepCaught),
      },
      with: {
        auc: mean((r) => r.with.auc),
        caught20: mean((r) => r.with.caught20),
        deepShare: mean((r) => r.with.deepShare),
        deepCaught: mean((r) => r.with.deepCaught),
      },
    },
  ].map((row) =>
    line([
      row.name,
      `${fixed(row.without.auc)} / ${fixed(row.with.auc)}`,
      `${percent(row.without.caught20)} / ${percent(row.with.caught20)}`,
      `${percent(row.without.deepShare)} / ${percent(row.with.deepShare)}`,
      `${percent(row.without.deepCaught)} / ${percent(row.with.deepCaught)}`,
    ]),
  ),
];
process.stdout.write(`${out.join('\n')}\n`);
