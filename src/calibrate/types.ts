/** Data of the calibrate stage: commits read from git, their labels, their scores and the metrics. */
import type { RiskLevel } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { RouteTier, Tier } from '../domain/review-job.js';

/** One non-merge commit as `git log` describes it, without its patch. */
export interface CommitInfo {
  readonly sha: string;
  readonly authorEmail: string;
  /** Unix seconds. */
  readonly authorTime: number;
  /** Unix seconds: the clock the follow-up year is measured with. */
  readonly commitTime: number;
}

/** A commit with its message and its diff model, as the patch stream yields it. */
export interface CommitWithPatch extends CommitInfo {
  readonly message: string;
  readonly diff: DiffModel;
  /** Bytes of patch text git printed for this commit. */
  readonly patchBytes: number;
}

/** Old-side line numbers a fix deleted or changed in one file: what SZZ blames. */
export interface BlameTarget {
  /** The path in the fix's parent (the previous path of a rename). */
  readonly path: string;
  readonly lines: readonly number[];
}

/** A fix commit and the lines it took away from the code before it. */
export interface FixCommit {
  readonly sha: string;
  readonly commitTime: number;
  readonly targets: readonly BlameTarget[];
}

/** The scorers compared: the classifier and three baselines. */
export type ScorerId = 'classifier' | 'lines-added' | 'size-class' | 'random';
export const SCORER_IDS: readonly ScorerId[] = [
  'classifier',
  'lines-added',
  'size-class',
  'random',
];

/** What the app would do with a commit as a pull request: its estimated cost and its tier. */
export interface CommitRoute {
  /** The app's estimate before a call, in USD, of reviewing it on each tier. */
  readonly costUsd: Readonly<Record<Tier, number>>;
  /** The tier the policy's rules pick when the change has each risk level. */
  readonly tierByLevel: Readonly<Record<RiskLevel, RouteTier>>;
}

/** One evaluated commit: its scores, whether it was bug-inducing, and why it scored. */
export interface ScoredCommit {
  readonly sha: string;
  readonly commitTime: number;
  readonly subject: string;
  readonly scores: Readonly<Record<ScorerId, number>>;
  /** The classifier's signal ids, strongest first. */
  readonly signals: readonly string[];
  /** Whether it touched a source file (tests and documents are not source). */
  readonly touchesSource: boolean;
  readonly paths: readonly string[];
  readonly route: CommitRoute;
  readonly bugInducing: boolean;
}

/** How well one scorer ranks the bug-inducing commits first. */
export interface ScorerMetrics {
  readonly scorer: ScorerId;
  /** ROC AUC, ties counted as half (Mann-Whitney). */
  readonly auc: number;
  /** Share of bug-inducing commits in the deep tier when it takes 10%, 20%, 30% of commits. */
  readonly catchRates: readonly { readonly deepShare: number; readonly caught: number }[];
}

/** One point of a catch curve: at this share routed deep, this share of bug-inducing commits caught. */
export interface CurvePoint {
  readonly share: number;
  readonly caught: number;
}
