/**
 * Every weight of every risk signal, in one table so they can be tuned without touching the
 * detectors. Signals combine as a noisy-or, 1 - Π(1 - w), so a weight reads as "the chance, on
 * its own, that this change needs a fix later / deserves a careful review".
 *
 * The weights follow the evidence of docs/risk-evidence.md: commits of six public repositories
 * labelled bug-inducing SZZ-style (a later fix's deleted lines blamed back to them). There, the
 * lines a change adds to source files predict defects best by far (source-churn), so that curve
 * is fitted to the observed rates. Signals that did not predict defects once size was accounted
 * for (no tests changed, a first-time author, CI files, dependency manifests, mostly deletions)
 * were lowered: each raised the score of many changes that were no more likely to need a fix,
 * and cost the ranking. Signals about security-sensitive code (sensitive paths, risky patterns,
 * destructive migrations) keep their weights: the evidence cannot see what they guard against
 * and they did not hurt the ranking.
 *
 * Anchors with the default levels (medium 0.18, high 0.6, critical 0.85): one authentication
 * file reaches high on its own; about ten added source lines reach medium, where the default
 * rules begin the deep tier, and about 300 reach high; a README typo or a CI workflow change
 * stays low; critical needs several strong signals.
 */
import type { SizeClass } from '../../domain/classification.js';

export type RiskyPatternId =
  | 'eval'
  | 'new-function'
  | 'child-process-exec'
  | 'spawn-shell'
  | 'os-system'
  | 'subprocess-shell'
  | 'runtime-exec'
  | 'sql-concatenation'
  | 'tls-reject-unauthorized'
  | 'node-tls-env'
  | 'requests-verify-false'
  | 'insecure-skip-verify'
  | 'dangerously-set-inner-html'
  | 'inner-html'
  | 'pickle-loads'
  | 'yaml-load'
  | 'weak-hash';

export const SIGNAL_WEIGHTS = {
  'sensitive-path': 0.6,
  'policy-sensitive-path': 0.6,
  'ci-workflow': 0.1,
  infrastructure: 0.35,
  'dependency-manifest': 0.05,
  /** Only lockfiles changed: versions moved, no new dependency was declared. */
  'dependency-lockfile': 0.02,
  migration: 0.35,
  /** Added lines drop, alter, truncate or delete. */
  'migration-destructive': 0.6,
  'no-tests': 0.02,
  'first-time-contributor': 0.05,
  'deletions-heavy': 0.05,
} as const;

/** Per risky pattern; the risky-pattern signal combines the patterns it found, up to the cap. */
export const RISKY_PATTERN_WEIGHTS: Readonly<Record<RiskyPatternId, number>> = {
  eval: 0.5,
  'new-function': 0.45,
  'child-process-exec': 0.45,
  'spawn-shell': 0.45,
  'os-system': 0.45,
  'subprocess-shell': 0.45,
  'runtime-exec': 0.4,
  'sql-concatenation': 0.5,
  'tls-reject-unauthorized': 0.5,
  'node-tls-env': 0.5,
  'requests-verify-false': 0.5,
  'insecure-skip-verify': 0.5,
  'dangerously-set-inner-html': 0.35,
  'inner-html': 0.35,
  'pickle-loads': 0.45,
  'yaml-load': 0.4,
  'weak-hash': 0.2,
};
export const RISKY_PATTERN_MAX_WEIGHT = 0.8;

/**
 * large-change grows linearly between these points, measured against the policy's size
 * thresholds (`policy.size.changed_lines`); below the first it stays silent, past the last it
 * stays at the last weight. `times` scales the threshold: 2 x XL is twice the XL threshold.
 */
export const LARGE_CHANGE_CURVE: readonly {
  readonly size: Exclude<SizeClass, 'XS'>;
  readonly times: number;
  readonly weight: number;
}[] = [
  { size: 'M', times: 1, weight: 0.1 },
  { size: 'L', times: 1, weight: 0.2 },
  { size: 'XL', times: 1, weight: 0.35 },
  { size: 'XL', times: 2, weight: 0.5 },
];

/**
 * source-churn: the weight for lines added to source files (tests, documents, configuration and
 * ignored paths left out), linear in log(lines) between these points and flat past the last.
 * Fitted to evidence (docs/risk-evidence.md): on the tuning repositories, the share of commits
 * later blamed by a fix (SZZ) was about 5% at 1 added source line, 13% at 5, 16% at 10, 23% at
 * 20, 35% at 50, 48% at 100 and 60% at 200; the weight is that chance, smoothed.
 */
export const SOURCE_CHURN_CURVE: readonly { readonly lines: number; readonly weight: number }[] = [
  { lines: 1, weight: 0.05 },
  { lines: 5, weight: 0.12 },
  { lines: 10, weight: 0.16 },
  { lines: 20, weight: 0.22 },
  { lines: 50, weight: 0.33 },
  { lines: 100, weight: 0.45 },
  { lines: 200, weight: 0.55 },
  { lines: 500, weight: 0.6 },
];

/** wide-spread: the weight for at least this many distinct directories (first two levels). */
export const WIDE_SPREAD_STEPS: readonly {
  readonly directories: number;
  readonly weight: number;
}[] = [
  { directories: 20, weight: 0.3 },
  { directories: 10, weight: 0.2 },
  { directories: 6, weight: 0.1 },
];

/** deletions-heavy: at least this many deleted lines, and this many times the added lines. */
export const DELETIONS_HEAVY = { minDeletions: 200, ratio: 3 } as const;
