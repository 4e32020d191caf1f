/** The resolved policy (defaults filled). The user-facing zod schema lives in src/policy/schema.ts. */
import type { RiskLevel, SizeClass } from './classification.js';
import type { RouteTier, Tier } from './review-job.js';
import type { Severity } from './model-answer.js';

/**
 * Where a model is asked. `openai`, `azure-openai` and `openai-compatible` speak OpenAI's APIs and
 * count tokens as OpenAI does; `anthropic`, `bedrock` and `vertex` serve Claude's Messages API and
 * count as Anthropic does (see usage.ts).
 */
export const PROVIDER_IDS = [
  'openai',
  'anthropic',
  'azure-openai',
  'bedrock',
  'vertex',
  'openai-compatible',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** OpenAI's tiers a policy may ask for: `flex` is cheaper (Batch rates) and slower. */
export type ServiceTier = 'standard' | 'flex';
export type Effort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** One model on one provider, at one reasoning effort. */
export interface ModelChoice {
  readonly provider: ProviderId;
  readonly model: string;
  readonly effort: Effort;
}

/** How much code a tier sees besides the diff, cheapest first. */
export const CONTEXT_LEVELS = ['diff', 'functions', 'files', 'related'] as const;
export type ContextLevel = (typeof CONTEXT_LEVELS)[number];

export interface ModelSpec extends ModelChoice {
  /** `flex` asks OpenAI's flex tier (standard when flex capacity is unavailable); absent: standard. */
  readonly service_tier?: ServiceTier;
  /** Absent: `functions` on the fast tier, `related` on the deep one. */
  readonly context?: ContextLevel;
  /**
   * Where a review goes when this model's provider keeps failing (rate limits, overload, 5xx,
   * timeouts) after the SDK's retries; null or absent: no failover.
   */
  readonly fallback?: FallbackChoice | null;
}

/** A failover model; without an effort it thinks as hard as its tier (`fallbackChoice`). */
export interface FallbackChoice extends Omit<ModelChoice, 'effort'> {
  readonly effort?: Effort;
}

const OPENAI_EFFORTS: readonly Effort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];
const ANTHROPIC_EFFORTS: readonly Effort[] = ['low', 'medium', 'high', 'max'];

export const EFFORTS_BY_PROVIDER: { readonly [P in ProviderId]: readonly Effort[] } = {
  openai: OPENAI_EFFORTS,
  'azure-openai': OPENAI_EFFORTS,
  'openai-compatible': OPENAI_EFFORTS,
  anthropic: ANTHROPIC_EFFORTS,
  bedrock: ANTHROPIC_EFFORTS,
  vertex: ANTHROPIC_EFFORTS,
};

/**
 * The model `spec` fails over to, with its effort: the one the policy gives, else the tier's own
 * where the fallback's provider takes it, else `medium` (every provider takes it). Null: none.
 */
export const fallbackChoice = (spec: ModelSpec): ModelChoice | null => {
  const fallback = spec.fallback;
  if (fallback === null || fallback === undefined) return null;
  const effort =
    fallback.effort ??
    (EFFORTS_BY_PROVIDER[fallback.provider].includes(spec.effort) ? spec.effort : 'medium');
  return { ...fallback, effort };
};

export interface RuleConditions {
  readonly labels?: readonly string[];
  readonly risk?: readonly RiskLevel[];
  readonly size?: readonly SizeClass[];
  readonly paths?: readonly string[];
  readonly authors?: readonly string[];
  readonly author_association?: readonly string[];
  readonly base?: readonly string[];
  readonly changed_lines?: { readonly over?: number; readonly under?: number };
}

export interface RoutingRule {
  readonly when: RuleConditions;
  readonly tier: RouteTier;
  /** `batch`: through the provider's batch API at half price, posted when the batch completes. */
  readonly mode?: 'batch';
}

export interface PathInstruction {
  readonly paths: readonly string[];
  readonly instructions: string;
}

export interface Policy {
  readonly enabled: boolean;
  readonly models: { readonly fast: ModelSpec; readonly deep: ModelSpec };
  readonly routing: {
    readonly rules: readonly RoutingRule[];
    readonly default: Tier;
    readonly escalate: boolean;
  };
  readonly skip: {
    readonly drafts: boolean;
    readonly labels: readonly string[];
    readonly authors: readonly string[];
    readonly only_paths: readonly string[];
  };
  readonly risk: {
    readonly sensitive_paths: readonly string[];
    readonly levels: { readonly medium: number; readonly high: number; readonly critical: number };
  };
  readonly size: {
    readonly changed_lines: {
      readonly S: number;
      readonly M: number;
      readonly L: number;
      readonly XL: number;
    };
  };
  readonly review: {
    readonly ignore_paths: readonly string[];
    readonly max_comments: number;
    readonly min_severity: Severity;
    readonly instructions: string;
    readonly path_instructions: readonly PathInstruction[];
  };
  readonly budget: {
    /** This repository's spend in a calendar month (UTC); null = no cap. */
    readonly monthly_usd: number | null;
    /**
     * The owner's spend in a calendar month, summed over all its repositories; null = no cap.
     * Meant for the org's `.github` policy, which repositories inherit through `_extends`.
     */
    readonly org_monthly_usd: number | null;
    /** One review's estimate: files are left out, least risky first, to fit; null = no cap. */
    readonly per_review_usd: number | null;
    /** One pull request's spend over every push and command, whatever the month; null = no cap. */
    readonly per_pull_request_usd: number | null;
    /** Shares of `monthly_usd` whose crossing raises an alert, once per month each. */
    readonly alert_at: readonly number[];
    readonly when_exceeded: 'fast' | 'skip';
  };
}
