/**
 * What a review would cost on each tier before anything is spent, and how its prompt is trimmed
 * to fit `budget.per_review_usd`: the least risky files are left out until the estimate fits.
 */
import { formatFileForPrompt } from '../changes/format-file-for-prompt.js';
import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts, Tier } from '../domain/review-job.js';
import { err, ok, type Result } from '../domain/result.js';
import type { PriceTable } from '../ledger/price-table.js';
import { estimateCostUsd } from '../ledger/price-usage.js';
import { chooseFence } from './choose-fence.js';
import { buildReviewPrompt, type ReviewPrompt } from './build-prompt.js';
import { policyPriceProblems } from './policy-price-problem.js';
import type { TierEstimate } from '../route/types.js';
import { ESTIMATED_OUTPUT_TOKENS } from './estimates.js';
import { EMPTY_POOL, type ContextPool } from '../context/types.js';
import { contextLevelOf } from './context-level.js';

/** The prompt a tier gets when `per_review_usd` made it smaller. */
export interface PromptTrim {
  readonly maxInputTokens: number;
  readonly capUsd: number;
  /** Files the untrimmed prompt includes: any of them left out was left out for the cap. */
  readonly wholePaths: ReadonlySet<string>;
}

export interface TierPlan extends TierEstimate {
  /** Null when the whole prompt fits (or nothing fits: then the tier is not used). */
  readonly trim: PromptTrim | null;
}

export interface TierPlans {
  /** Tokens of the whole prompt, counted locally: what `classify --json` reports. */
  readonly inputTokens: number;
  readonly fast: TierPlan;
  readonly deep: TierPlan;
}

export interface PlanTiersOptions {
  readonly policy: Policy;
  readonly classification: Classification;
  readonly diff: DiffModel;
  readonly pr: PullRequestFacts;
  readonly prices: PriceTable;
  readonly maxInputTokens: number;
  /** Code around the change: each tier's estimate counts its level's share. */
  readonly context?: ContextPool;
}

/** A model of the policy the price table cannot price: a configuration problem, not a bug. */
export interface UnpricedModel {
  readonly message: string;
}

/** Float sums like 0.95 + 0.05 must not "pass" a $1 cap. */
const EPSILON_USD = 1e-9;

/**
 * The most input tokens whose estimate on `model` stays within `capUsd`, or -1 when even an empty
 * prompt passes it (the expected answer alone costs more). Prices only grow with tokens, so a
 * binary search finds it, long-context rates included.
 */
const maxTokensWithin = (
  costOf: (inputTokens: number) => number,
  capUsd: number,
  upper: number,
): number => {
  const fits = (tokens: number) => costOf(tokens) <= capUsd + EPSILON_USD;
  if (!fits(0)) return -1;
  let low = 0;
  let high = upper;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
};

/**
 * Estimates both tiers from one draft of the prompt, or says which model of the policy has no
 * price: the worker turns that into a failed check run.
 */
export const planTiers = (options: PlanTiersOptions): Result<TierPlans, UnpricedModel> => {
  const { policy, prices } = options;
  const problems = policyPriceProblems(policy, prices);
  if (problems.length > 0)
    return err({ message: problems.map((problem) => problem.message).join('\n') });
  // A draft is counted, never sent: its fence only needs a real fence's length and kind of
  // characters, so it is chosen from the pull request's title and paths instead of from every
  // quoted byte (the prompt that is sent chooses its own from all it quotes). The drafts render
  // only the files their budget reaches.
  const context = options.context ?? EMPTY_POOL;
  const draftFence = chooseFence([options.pr.title, ...options.diff.files.map((f) => f.path)]);
  const build = (tier: Tier, maxInputTokens: number, diff = options.diff): ReviewPrompt =>
    buildReviewPrompt({
      policy,
      classification: options.classification,
      diff,
      pr: options.pr,
      // One draft for both tiers (the fast one's wording), each with its own context level.
      route: { tier: 'fast', reason: '' },
      contextLevel: contextLevelOf(policy, tier),
      maxInputTokens,
      formatFile: formatFileForPrompt,
      draftFence,
      context,
    });
  const cap = policy.budget.per_review_usd;
  const hasContext = context.items.length > 0;
  const fastWhole = build('fast', options.maxInputTokens);
  // Without code context the tiers' drafts differ only in a context level with nothing to fill:
  // the same files, the same tokens.
  const wholeOf = {
    fast: fastWhole,
    deep: hasContext ? build('deep', options.maxInputTokens) : fastWhole,
  };

  const plan = (tier: Tier): TierPlan => {
    const whole = wholeOf[tier];
    const costOf = (inputTokens: number) =>
      estimateCostUsd(
        prices,
        policy.models[tier].model,
        { inputTokens, outputTokens: ESTIMATED_OUTPUT_TOKENS[tier] },
        {
          provider: policy.models[tier].provider,
          discount: policy.models[tier].service_tier === 'flex' ? 'flex' : null,
        },
      );
    const wholeUsd = costOf(whole.inputTokens);
    if (cap === null || wholeUsd <= cap + EPSILON_USD) {
      return { usd: wholeUsd, wholeUsd, fit: { kind: 'whole' }, trim: null };
    }
    const budget = maxTokensWithin(costOf, cap, options.maxInputTokens);
    const trimmed = budget < 0 ? null : build(tier, budget);
    if (trimmed === null || trimmed.includedPaths.length === 0) {
      // Not even the most risky file fits: say what that file alone would cost.
      const [riskiest] = whole.includedPaths;
      const alone = options.diff.files.filter((file) => file.path === riskiest);
      const minimal =
        riskiest === undefined
          ? whole
          : build(tier, options.maxInputTokens, { ...options.diff, files: alone });
      return { usd: costOf(minimal.inputTokens), wholeUsd, fit: { kind: 'over' }, trim: null };
    }
    return {
      usd: costOf(trimmed.inputTokens),
      wholeUsd,
      fit: { kind: 'trimmed' },
      trim: { maxInputTokens: budget, capUsd: cap, wholePaths: new Set(whole.includedPaths) },
    };
  };

  return ok({ inputTokens: wholeOf.fast.inputTokens, fast: plan('fast'), deep: plan('deep') });
};

/** The estimates routing needs, without the prompt details. */
export const tierEstimates = (plans: TierPlans): { fast: TierEstimate; deep: TierEstimate } => {
  const strip = ({ usd, wholeUsd, fit }: TierPlan): TierEstimate => ({ usd, wholeUsd, fit });
  return { fast: strip(plans.fast), deep: strip(plans.deep) };
};
