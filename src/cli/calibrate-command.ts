import { writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrateRepository } from '../calibrate/calibrate-repository.js';
import type { Calibration, CalibrationProgress } from '../calibrate/calibration.js';
import { renderCalibrationReport } from '../calibrate/render-calibration-report.js';
import { renderCalibrationTable } from '../calibrate/render-calibration-table.js';
import { nameRepository } from '../calibrate/name-repository.js';
import { renderPolicySnippet } from '../calibrate/render-policy-snippet.js';
import type { PriceTable } from '../ledger/price-table.js';
import type { LedgerStore } from '../ledger/types.js';
import { indexedRepository, indexHistory } from './index-history.js';
import { DATE_EXPECTED, parseTimestamp } from '../domain/parse-timestamp.js';
import { CliError, type CliIo } from './cli-io.js';
import { loadPolicyFile } from './load-policy-file.js';
import { locateGitDir } from './locate-git-dir.js';

export interface CalibrateCommandOptions {
  /** The repository; the current directory's when not given. */
  readonly gitDir: string | undefined;
  readonly since: string | undefined;
  readonly deepRate: string | undefined;
  /** The most the suggested routing may cost, as a share of reviewing every change deep. */
  readonly targetCost: string | undefined;
  readonly maxCommits: string | undefined;
  readonly json: boolean;
  readonly report: string | undefined;
  /** A .github/review-router.yml to score with (its sensitive paths, sizes, ignored paths). */
  readonly policyFile: string | undefined;
  /** The prices and prompt budget the app estimates a review's cost with. */
  readonly prices: PriceTable;
  readonly maxInputTokens: number;
  readonly io: CliIo;
  /** Where blame results are kept between runs; the system temp directory by default. */
  readonly cacheDir?: string | null;
  /** `--history`: score each commit with the history-aware signals and the history before it. */
  readonly history?: boolean;
  /** `--index-history`: also write the history into the app's history index (the backfill). */
  readonly indexHistory?: IndexHistoryTarget | undefined;
}

/** Where `--index-history` writes: the ledger the app reads, under the repository's GitHub name. */
export interface IndexHistoryTarget {
  /** `--repo OWNER/NAME`; the origin remote's owner/name when not given. */
  readonly repo: string | undefined;
  readonly openLedger: () => LedgerStore;
}

/** A share such as 0.2 or 20%, strictly between 0 and 1; null when the flag is absent. */
const parseShare = (flag: string, value: string | undefined): number | null => {
  if (value === undefined) return null;
  const rate = value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
  if (!Number.isFinite(rate) || rate <= 0 || rate >= 1)
    throw new CliError(`${flag} ${value}: expected a share between 0 and 1, such as 0.2 or 20%`);
  return rate;
};

const parseSince = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const date = parseTimestamp(value);
  if (date === null) throw new CliError(`--since ${value}: ${DATE_EXPECTED}`);
  return Math.floor(date.getTime() / 1000);
};

const parseMaxCommits = (value: string | undefined): number => {
  if (value === undefined) return 5000;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new CliError(`--max-commits ${value}: expected a whole number of commits, such as 2000`);
  return count;
};

/** Progress on stderr, one line per step the miner reports. */
const reportProgress =
  (io: CliIo) =>
  ({ stage, done, total }: CalibrationProgress): void => {
    io.err(total > 0 ? `calibrate: ${stage} ${done}/${total}` : `calibrate: ${stage}`);
  };

/** The figures without the per-commit list and the curves' points: one line of JSON. */
const toJson = (calibration: Calibration, source: string): object => {
  if (calibration.status !== 'ok') return { source, ...calibration };
  return {
    source,
    status: calibration.status,
    headSha: calibration.headSha,
    from: new Date(calibration.from * 1000).toISOString(),
    to: new Date(calibration.to * 1000).toISOString(),
    totalCommits: calibration.totalCommits,
    evaluatedCommits: calibration.commits.length,
    fixCommits: calibration.fixCommits,
    bugInducing: calibration.bugInducing,
    metrics: calibration.metrics,
    deepRate: calibration.deepRate,
    targetCost: calibration.targetCost,
    inForce: calibration.inForce,
    suggestion: calibration.suggestion,
    policySnippet: renderPolicySnippet(calibration),
    elapsedMs: calibration.elapsedMs,
  };
};

/**
 * `review-router calibrate [--git-dir PATH] [--since DATE] [--deep-rate 0.2] [--target-cost 0.3]
 * [--json] [--report FILE.html]`: measures the risk score on the repository's own history, what
 * the policy's routing caught and would have cost, and suggests the `risk.levels` that route the
 * requested share deep or stay within the requested cost. A history too young to measure is an
 * answer, not a failure: it says why and exits 0.
 */
export const runCalibrateCommand = async (options: CalibrateCommandOptions): Promise<void> => {
  const deepRate = parseShare('--deep-rate', options.deepRate);
  const targetCost = parseShare('--target-cost', options.targetCost);
  const since = parseSince(options.since);
  const maxCommits = parseMaxCommits(options.maxCommits);
  const policy = await loadPolicyFile(options.policyFile, options.io);
  const gitDir = await locateGitDir(options.gitDir, 'run calibrate in one, or pass --git-dir PATH');
  const source = await nameRepository(gitDir);
  const indexed =
    options.indexHistory === undefined
      ? null
      : {
          target: options.indexHistory,
          repo: await indexedRepository(gitDir, options.indexHistory.repo),
        };
  const calibration = await calibrateRepository({
    gitDir,
    ...(since === undefined ? {} : { since }),
    deepRate,
    targetCost,
    policy,
    prices: options.prices,
    maxInputTokens: options.maxInputTokens,
    followUpDays: 365,
    maxCommits,
    minCommits: 50,
    cacheDir:
      options.cacheDir === undefined ? join(tmpdir(), 'review-router-calibrate') : options.cacheDir,
    concurrency: Math.max(2, Math.min(8, availableParallelism())),
    onProgress: reportProgress(options.io),
    history: options.history === true,
  });
  if (indexed !== null) await indexHistory({ gitDir, ...indexed, io: options.io });
  // The table says why nothing was measured; JSON says it to a program, and stderr to its user.
  if (calibration.status !== 'ok' && options.json)
    options.io.err(`calibrate: ${calibration.reason}`);
  options.io.out(
    options.json
      ? JSON.stringify(toJson(calibration, source))
      : renderCalibrationTable(calibration, source),
  );
  if (options.report === undefined) return;
  if (calibration.status !== 'ok') {
    options.io.err(`calibrate: no report written to ${options.report}: nothing was measured`);
    return;
  }
  await writeFile(options.report, renderCalibrationReport(calibration, source));
  options.io.err(`calibrate: report written to ${options.report}`);
};
