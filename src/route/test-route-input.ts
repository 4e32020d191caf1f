/** Test helper: a route input for an ordinary open pull request, with parts replaced as a test needs. */
import { testDiff, testFile } from '../classify/test-diff.js';
import { testPolicy } from '../classify/test-policy.js';
import type { Classification, RiskLevel, RiskSignal, SizeClass } from '../domain/classification.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import type { BudgetState, PerReviewFit, RouteInput, TierEstimate } from './types.js';

export const testPullRequest = (overrides: Partial<PullRequestFacts> = {}): PullRequestFacts => ({
  number: 7,
  title: 'Change things',
  body: '',
  author: 'alice',
  authorAssociation: 'MEMBER',
  labels: [],
  draft: false,
  state: 'open',
  baseRef: 'main',
  headRef: 'feature',
  headSha: 'a'.repeat(40),
  htmlUrl: 'https://github.com/acme/app/pull/7',
  ...overrides,
});

export const testClassification = (
  options: {
    readonly size?: SizeClass;
    readonly level?: RiskLevel;
    readonly changedLines?: number;
    readonly signals?: readonly RiskSignal[];
  } = {},
): Classification => ({
  changedFiles: 1,
  additions: options.changedLines ?? 10,
  deletions: 0,
  changedLines: options.changedLines ?? 10,
  size: options.size ?? 'XS',
  risk: {
    score: { low: 0, medium: 0.3, high: 0.6, critical: 0.9 }[options.level ?? 'low'],
    level: options.level ?? 'low',
    signals: options.signals ?? [],
  },
  fileRisk: [{ path: 'src/app.ts', score: 0 }],
});

export const testRouteInput = (overrides: Partial<RouteInput> = {}): RouteInput => ({
  policy: testPolicy,
  classification: testClassification(),
  diff: testDiff([testFile('src/app.ts', { additions: 10 })]),
  pr: testPullRequest(),
  forcedTier: null,
  budget: null,
  ...overrides,
});

const tierEstimate = (usd: number, fit: PerReviewFit = { kind: 'whole' }): TierEstimate => ({
  usd,
  wholeUsd: usd,
  fit,
});

/**
 * A budget state: this month's spend (and reservations) for the repository and, when given, the
 * owner `acme`; a deep and a fast estimate that fit the per-review cap whole unless told otherwise.
 */
export const testBudgetState = (
  options: {
    readonly spent?: number;
    readonly reserved?: number;
    readonly orgSpent?: number | null;
    readonly orgReserved?: number;
    readonly deep?: number | TierEstimate;
    readonly fast?: number | TierEstimate;
  } = {},
): BudgetState => {
  const estimate = (value: number | TierEstimate | undefined, fallback: number): TierEstimate =>
    typeof value === 'object' ? value : tierEstimate(value ?? fallback);
  const orgSpent = options.orgSpent ?? null;
  return {
    repo: { spentUsd: options.spent ?? 0, reservedUsd: options.reserved ?? 0 },
    org:
      orgSpent === null
        ? null
        : { owner: 'acme', spentUsd: orgSpent, reservedUsd: options.orgReserved ?? 0 },
    estimate: { deep: estimate(options.deep, 1.4), fast: estimate(options.fast, 0.2) },
  };
};
