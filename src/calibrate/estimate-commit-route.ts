import type { Classification, RiskLevel } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import { ConfigError } from '../domain/errors.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, RouteTier } from '../domain/review-job.js';
import type { PriceTable } from '../ledger/price-table.js';
import { planTiers, tierEstimates } from '../review/plan-tiers.js';
import { chooseTier } from '../route/choose-tier.js';
import { subjectOf } from './detect-fix-message.js';
import type { CommitRoute, CommitWithPatch } from './types.js';

export interface EstimateCommitRouteOptions {
  readonly commit: CommitWithPatch;
  readonly classification: Classification;
  readonly policy: Policy;
  readonly prices: PriceTable;
  /** The prompt budget the app reviews with (MAX_INPUT_TOKENS). */
  readonly maxInputTokens: number;
  /** GitHub's author_association as history can tell it. */
  readonly authorAssociation: string | null;
}

/** `49699333+dependabot[bot]@users.noreply.github.com` is GitHub's address for `dependabot[bot]`. */
const NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/** The login a commit's author address names, when it is GitHub's no-reply address; else ''. */
export const loginOf = (email: string): string => NOREPLY.exec(email)?.[1] ?? '';

/**
 * A commit as the pull request that would have brought it: its subject for a title, the rest of
 * its message for a body, its author's login when the address tells it; not a draft, no labels.
 */
const pullRequestOf = (commit: CommitWithPatch, authorAssociation: string | null) => {
  const subject = subjectOf(commit.message);
  const facts: PullRequestFacts = {
    number: 0,
    title: subject,
    body: commit.message.split('\n').slice(1).join('\n').trim(),
    author: loginOf(commit.authorEmail),
    authorAssociation: authorAssociation ?? 'NONE',
    labels: [],
    draft: false,
    state: 'open',
    baseRef: 'main',
    headRef: '',
    headSha: commit.sha,
    htmlUrl: '',
  };
  return facts;
};

/**
 * What the app would have done with one commit as a pull request, from its own functions: the
 * cost it estimates before calling a model, on each tier (`planTiers`, the prompt the tier would
 * be sent, priced with the price table), and the tier `chooseTier` picks at each risk level, so
 * that other `risk.levels` can be tried without classifying again. No budget month is known
 * offline: monthly caps are not applied, the per-review cap is.
 */
export const estimateCommitRoute = (options: EstimateCommitRouteOptions): CommitRoute => {
  const { policy, classification, commit } = options;
  const diff: DiffModel = commit.diff;
  const pr = pullRequestOf(commit, options.authorAssociation);
  const planned = planTiers({
    policy,
    classification,
    diff,
    pr,
    prices: options.prices,
    maxInputTokens: options.maxInputTokens,
  });
  // A model the price table does not know is the policy's or the operator's to fix, not a bug.
  if (!planned.ok) throw new ConfigError(planned.error.message);
  const estimate = tierEstimates(planned.value);
  const tierAt = (level: RiskLevel): RouteTier =>
    chooseTier({
      policy,
      classification: { ...classification, risk: { ...classification.risk, level } },
      diff,
      pr,
      forcedTier: null,
      budget: { repo: null, org: null, estimate },
    }).tier;
  return {
    costUsd: { fast: estimate.fast.usd, deep: estimate.deep.usd },
    tierByLevel: {
      low: tierAt('low'),
      medium: tierAt('medium'),
      high: tierAt('high'),
      critical: tierAt('critical'),
    },
  };
};
