import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPriceTable } from '../ledger/price-table.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { calibrateRepository } from './calibrate-repository.js';
import type { CalibrateOptions, CalibrationProgress } from './calibration.js';
import { createTestGitRepo } from './test-git-repo.js';
import { createTestHistory, type TestHistory } from './test-history.js';

let history: TestHistory;
let cacheDir: string;

beforeAll(() => {
  history = createTestHistory();
  cacheDir = mkdtempSync(join(tmpdir(), 'review-router-calibrate-cache-'));
});

afterAll(() => {
  history.repo.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

const options = (overrides: Partial<CalibrateOptions> = {}): CalibrateOptions => ({
  gitDir: history.repo.gitDir,
  deepRate: 0.2,
  policy: DEFAULT_POLICY,
  prices: loadPriceTable(),
  maxInputTokens: 120_000,
  followUpDays: 365,
  maxCommits: 5000,
  minCommits: 50,
  cacheDir: null,
  concurrency: 2,
  ...overrides,
});

describe('calibrateRepository on a history with known defects', () => {
  it('labels the commits later fixes blame and the reverted commit, and nothing else', async () => {
    const result = await calibrateRepository(options());
    if (result.status !== 'ok') throw new Error(result.reason);
    const labelled = result.commits.filter((c) => c.bugInducing).map((c) => c.sha);
    expect(new Set(labelled)).toEqual(new Set(history.bugInducing));
    expect(result.bugInducing).toBe(history.bugInducing.length);
    expect(result.fixCommits).toBe(history.fixes.length);
  });

  it('evaluates only commits with a year of history after them', async () => {
    const result = await calibrateRepository(options());
    if (result.status !== 'ok') throw new Error(result.reason);
    const evaluated = new Set(result.commits.map((c) => c.sha));
    expect(evaluated.size).toBe(history.bugInducing.length + history.clean.length);
    expect(result.totalCommits).toBe(evaluated.size + 1);
  });

  it('ranks the defects above large documentation changes, which lines added cannot', async () => {
    const result = await calibrateRepository(options());
    if (result.status !== 'ok') throw new Error(result.reason);
    const auc = (scorer: string) => result.metrics.find((m) => m.scorer === scorer)?.auc ?? 0;
    expect(auc('classifier')).toBeGreaterThan(0.9);
    expect(auc('lines-added')).toBeLessThan(0.5);
    expect(result.curves.map((c) => c.scorer)).toEqual([
      'classifier',
      'lines-added',
      'size-class',
      'random',
    ]);
    expect(result.curves[0]?.points).toHaveLength(101);
  });

  it('suggests levels that route about the requested share deep', async () => {
    // Rules that start the deep tier at high: the suggestion moves `high`.
    const rules = [
      { when: { risk: ['high' as const, 'critical' as const] }, tier: 'deep' as const },
    ];
    const policy = { ...DEFAULT_POLICY, routing: { ...DEFAULT_POLICY.routing, rules } };
    const result = await calibrateRepository(options({ deepRate: 0.2, policy }));
    if (result.status !== 'ok') throw new Error(result.reason);
    const { levels, shares } = result.suggestion;
    expect(levels.medium).toBeLessThan(levels.high);
    expect(levels.high).toBeLessThan(levels.critical);
    const share =
      result.commits.filter((c) => c.scores.classifier >= levels.high).length /
      result.commits.length;
    expect(shares.high).toBe(share);
    expect(Math.abs(share - 0.2)).toBeLessThan(0.1);
  });

  it('measures what the policy in force routes deep, catches and costs, with the app estimates', async () => {
    const result = await calibrateRepository(options());
    if (result.status !== 'ok') throw new Error(result.reason);
    const { inForce } = result;
    const deep = result.commits.filter(
      (c) => c.route.tierByLevel[c.scores.classifier >= 0.18 ? 'medium' : 'low'] === 'deep',
    );
    expect(inForce.levels).toEqual(DEFAULT_POLICY.risk.levels);
    expect(inForce.deepShare).toBe(deep.length / result.commits.length);
    // the five features (40 source lines each) go deep, the reverted two-line change fast;
    // the documentation is skipped
    expect(inForce.caught).toBe(5 / 6);
    expect(inForce.skipShare).toBeGreaterThan(0.5);
    for (const commit of result.commits) {
      expect(commit.route.costUsd.deep).toBeGreaterThan(commit.route.costUsd.fast * 3);
    }
    expect(inForce.costVsAllDeep).toBeGreaterThan(0);
    expect(inForce.costVsAllDeep).toBeLessThan(inForce.deepShare + 0.1);
    expect(inForce.costVsAllFast).toBeGreaterThan(1);
  });

  it('suggests the levels that keep the estimated cost within --target-cost', async () => {
    const result = await calibrateRepository(options({ deepRate: null, targetCost: 0.1 }));
    if (result.status !== 'ok') throw new Error(result.reason);
    const { suggestion, costCurves } = result;
    expect(suggestion).toMatchObject({ deepRate: null, targetCost: 0.1, withinTargetCost: true });
    expect(suggestion.routing.costVsAllDeep).toBeLessThanOrEqual(0.1);
    expect(suggestion.routing.deepShare).toBeGreaterThan(0);
    expect(costCurves.map((c) => c.scorer)).toEqual([
      'classifier',
      'lines-added',
      'size-class',
      'random',
    ]);
    const classifier = costCurves[0]?.points ?? [];
    expect(classifier.at(-1)?.caught).toBe(1);
    expect(classifier.at(-1)?.cost).toBeLessThan(1);
  });

  it('reports progress through each stage and gives the same answer from its blame cache', async () => {
    const seen: CalibrationProgress[] = [];
    const first = await calibrateRepository(
      options({ cacheDir, onProgress: (progress) => seen.push(progress) }),
    );
    expect(readdirSync(join(cacheDir, 'blame')).length).toBe(history.fixes.length);
    const second = await calibrateRepository(options({ cacheDir }));
    expect(new Set(seen.map((p) => p.stage))).toEqual(
      new Set(['listing commits', 'reading patches', 'blaming fix commits']),
    );
    expect(second.status === 'ok' && second.commits).toEqual(
      first.status === 'ok' && first.commits,
    );
  });

  it('keeps to --since and --max-commits', async () => {
    const result = await calibrateRepository(
      options({ since: Date.UTC(2020, 0, 20) / 1000, maxCommits: 30, minCommits: 10 }),
    );
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(result.commits).toHaveLength(30);
    expect(result.from).toBeGreaterThanOrEqual(Date.UTC(2020, 0, 20) / 1000);
  });
});

describe('calibrateRepository on a young history', () => {
  it('says there is not enough follow-up history instead of failing', async () => {
    const repo = createTestGitRepo();
    try {
      repo.commit({ files: { 'a.js': 'a\n' }, message: 'One', date: '2026-01-01T00:00:00Z' });
      repo.commit({ files: { 'a.js': 'b\n' }, message: 'Two', date: '2026-03-01T00:00:00Z' });
      const result = await calibrateRepository(options({ gitDir: repo.gitDir }));
      expect(result).toMatchObject({
        status: 'insufficient-history',
        totalCommits: 2,
        eligibleCommits: 0,
      });
      expect(result.status !== 'ok' && result.reason).toContain('not enough follow-up history');
    } finally {
      repo.remove();
    }
  });

  it('says an empty repository has no commits', async () => {
    const repo = createTestGitRepo();
    try {
      const result = await calibrateRepository(options({ gitDir: repo.gitDir }));
      expect(result).toMatchObject({ status: 'insufficient-history', totalCommits: 0 });
    } finally {
      repo.remove();
    }
  });
});
