/** What `calibrateRepository` is asked and what it answers. */
import type { Policy } from '../domain/policy.js';
import type { PriceTable } from '../ledger/price-table.js';
import type { Suggestion } from './choose-suggestion.js';
import type { CostPoint } from './compute-cost-curve.js';
import type { RoutingFigures } from './measure-routing.js';
import type { CurvePoint, ScoredCommit, ScorerId, ScorerMetrics } from './types.js';

export interface CalibrationProgress {
  readonly stage: 'listing commits' | 'reading patches' | 'blaming fix commits';
  readonly done: number;
  readonly total: number;
}

export interface CalibrateOptions {
  readonly gitDir: string;
  /** The history to read; HEAD by default. */
  readonly rev?: string;
  /** Unix seconds: evaluate only commits committed at or after this time. */
  readonly since?: number;
  /** The share of commits the deep tier should take, for the suggested levels; null: not asked. */
  readonly deepRate: number | null;
  /** The most the suggested routing may cost, as a share of all-deep; null or absent: not asked. */
  readonly targetCost?: number | null;
  /** The policy the classifier scores with and the app routes with. */
  readonly policy: Policy;
  /** The prices the app estimates a review's cost with. */
  readonly prices: PriceTable;
  /** The prompt budget the app reviews with (MAX_INPUT_TOKENS). */
  readonly maxInputTokens: number;
  /** A commit is evaluated only with this many days of history after it (365). */
  readonly followUpDays: number;
  /** At most this many commits are evaluated, the newest eligible ones. */
  readonly maxCommits: number;
  /** Fewer eligible commits than this is not enough history to measure anything. */
  readonly minCommits: number;
  /** Where blame results are kept between runs; null keeps nothing. */
  readonly cacheDir: string | null;
  /** Blame every text file a fix changed, not only source files (a sensitivity check). */
  readonly blameAllFiles?: boolean;
  /**
   * Score with the history-aware signals, each commit with the history before it (as the app does
   * once its history index is filled); without, every commit scores as in a repository without history.
   */
  readonly history?: boolean;
  /** git processes run at once. */
  readonly concurrency: number;
  readonly onProgress?: (progress: CalibrationProgress) => void;
}

/** Not enough history to measure: why, and what was there. */
export interface InsufficientHistory {
  readonly status: 'insufficient-history';
  readonly reason: string;
  readonly totalCommits: number;
  readonly eligibleCommits: number;
  readonly elapsedMs: number;
}

export interface CalibrationResult {
  readonly status: 'ok';
  readonly headSha: string;
  /** Unix seconds of the newest commit: the end of the follow-up. */
  readonly headTime: number;
  /** Unix seconds: the oldest and newest evaluated commits. */
  readonly from: number;
  readonly to: number;
  /** Non-merge commits in the history. */
  readonly totalCommits: number;
  /** Fix commits with source lines to blame, from the oldest evaluated commit on. */
  readonly fixCommits: number;
  /** Evaluated commits labelled bug-inducing. */
  readonly bugInducing: number;
  /** Every evaluated commit, newest first. */
  readonly commits: readonly ScoredCommit[];
  readonly metrics: readonly ScorerMetrics[];
  readonly curves: readonly { readonly scorer: ScorerId; readonly points: readonly CurvePoint[] }[];
  /** Catch against the estimated routed cost (share of all-deep), per scorer. */
  readonly costCurves: readonly {
    readonly scorer: ScorerId;
    readonly points: readonly CostPoint[];
  }[];
  /** What the policy in force routed deep, caught and cost. */
  readonly inForce: RoutingFigures;
  readonly suggestion: Suggestion;
  readonly deepRate: number | null;
  readonly targetCost: number | null;
  readonly elapsedMs: number;
}

export type Calibration = CalibrationResult | InsufficientHistory;
