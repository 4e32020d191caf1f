import { classifyChange } from '../classify/classify-change.js';
import type { ContextPool } from '../context/types.js';
import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { ChangeHistory } from '../domain/history.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import type { PriceTable } from '../ledger/price-table.js';
import { chooseTier } from '../route/choose-tier.js';
import { planTiers, tierEstimates, type TierPlans } from '../review/plan-tiers.js';
import { leaveOutGenerated } from '../worker/leave-out-generated.js';
import { DEFAULT_LIMITS } from '../worker/types.js';
import { CliError } from './cli-io.js';

/** A patch file has no pull request around it: no labels, not a draft, an unknown author. */
export const OFFLINE_PR: PullRequestFacts = {
  number: 0,
  title: '',
  body: '',
  author: '',
  authorAssociation: 'NONE',
  labels: [],
  draft: false,
  state: 'open',
  baseRef: 'main',
  headRef: '',
  headSha: '',
  htmlUrl: '',
};

/**
 * How the app would route an offline change. There is no ledger offline: the monthly caps cannot
 * be checked, the per-review cap can.
 */
export const routeOffline = (
  change: {
    readonly policy: Policy;
    readonly classification: Classification;
    readonly diff: DiffModel;
  },
  plans: TierPlans,
) =>
  chooseTier({
    ...change,
    pr: OFFLINE_PR,
    forcedTier: null,
    budget: { repo: null, org: null, estimate: tierEstimates(plans) },
  });

export interface ClassifyPatchOptions {
  readonly file: string;
  /** The patch, parsed and checked by readPatch. */
  readonly diff: DiffModel;
  readonly policy: Policy;
  readonly prices: PriceTable;
  /** The prompt budget the app reviews with (MAX_INPUT_TOKENS); the built-in one when absent. */
  readonly maxInputTokens?: number;
  /** The repository's history before the change (classify --commit); null without. */
  readonly history?: ChangeHistory | null;
  /** The code context the app would gather (classify --commit); none for a patch file. */
  readonly context?: ContextPool;
  /** The change already classified with `history` (classify --commit gathers context with it). */
  readonly classification?: Classification;
}

/** The `classify --json` record for one patch. */
export const classifyPatch = (options: ClassifyPatchOptions) => {
  const { policy, prices, diff } = options;
  // An offline patch has no author association to speak of: don't count it as a first-timer.
  const classification =
    options.classification ??
    classifyChange({ diff, policy, authorAssociation: null, history: options.history ?? null });
  // Estimated as the app estimates: without the lockfiles and generated code it leaves out.
  const planned = planTiers({
    policy,
    classification,
    diff: leaveOutGenerated(diff, policy.review.ignore_paths).diff,
    pr: OFFLINE_PR,
    prices,
    maxInputTokens: options.maxInputTokens ?? DEFAULT_LIMITS.maxInputTokens,
    ...(options.context === undefined ? {} : { context: options.context }),
  });
  if (!planned.ok) throw new CliError(`${options.file}: ${planned.error.message}`);
  const plans = planned.value;
  const route = routeOffline({ policy, classification, diff }, plans);
  return {
    file: options.file,
    changedFiles: classification.changedFiles,
    additions: classification.additions,
    deletions: classification.deletions,
    files: diff.files.map((file) => ({
      path: file.path,
      previousPath: file.previousPath,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      binary: file.binary,
    })),
    size: classification.size,
    risk: classification.risk,
    route: {
      tier: route.tier,
      provider: route.model?.provider ?? null,
      model: route.model?.model ?? null,
      reason: route.reason,
    },
    estimate: {
      inputTokens: plans.inputTokens,
      costUsd: { fast: plans.fast.wholeUsd, deep: plans.deep.wholeUsd },
    },
  };
};

export type ClassifyRecord = ReturnType<typeof classifyPatch>;
