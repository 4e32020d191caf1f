/**
 * What a user may write in `.github/review-router.yml`: every key optional, unknown keys are
 * errors at every level. The resolved policy, with defaults filled, is `Policy` in domain/.
 */
import { z } from 'zod';
import { RISK_LEVELS, SIZE_CLASSES } from '../domain/classification.js';
import { SEVERITIES } from '../domain/model-answer.js';
import { checkGlob, MAX_GLOB_LENGTH } from './check-glob.js';
import { checkChangedLines, checkRuleMode } from './check-rule.js';
import {
  CONTEXT_LEVELS,
  EFFORTS_BY_PROVIDER,
  PROVIDER_IDS,
  type Effort,
  type ProviderId,
} from '../domain/policy.js';

/** The providers that have OpenAI's flex tier. */
export const FLEX_PROVIDERS: readonly ProviderId[] = ['openai', 'azure-openai'];

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

/** GitHub's `author_association` values. */
export const AUTHOR_ASSOCIATIONS = [
  'COLLABORATOR',
  'CONTRIBUTOR',
  'FIRST_TIMER',
  'FIRST_TIME_CONTRIBUTOR',
  'MANNEQUIN',
  'MEMBER',
  'NONE',
  'OWNER',
] as const;

/** Keys whose values must increase in this order (XS is below S). */
export const RISK_LEVEL_KEYS = ['medium', 'high', 'critical'] as const;
export const SIZE_THRESHOLD_KEYS = ['S', 'M', 'L', 'XL'] as const;

/** What Probot's config loader can follow: `repo`, `owner/repo`, `owner/repo:path.yml`. */
const EXTENDS =
  /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

const text = z.string().min(1);
const list = <T extends z.ZodType>(item: T) => z.array(item).exactOptional();
const texts = list(text);
/** A path glob: one picomatch can read and match in time whatever names a pull request holds. */
const glob = z.string().min(1).max(MAX_GLOB_LENGTH).superRefine(checkGlob);
const globs = list(glob);
const level = z.number().min(0).max(1).exactOptional();
const threshold = z.int().positive().exactOptional();
const usd = z.number().min(0).nullable().exactOptional();

/** Adds an issue on the first key of `keys` whose value is not above the one before it. */
const increasing =
  (keys: readonly string[]) =>
  (values: Readonly<Record<string, number | undefined>>, ctx: z.RefinementCtx): void => {
    let previous: { key: string; value: number } | null = null;
    for (const key of keys) {
      const value = values[key];
      if (value === undefined) continue;
      if (previous !== null && value <= previous.value) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be greater than ${previous.key} (${previous.value}), got ${value}`,
        });
      }
      previous = { key, value };
    }
  };

const checkEffort = (
  spec: { provider?: ProviderId | undefined; effort?: Effort | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (spec.provider === undefined || spec.effort === undefined) return;
  const allowed = EFFORTS_BY_PROVIDER[spec.provider];
  if (!allowed.includes(spec.effort)) {
    ctx.addIssue({
      code: 'custom',
      path: ['effort'],
      message: `effort '${spec.effort}' is not available for provider '${spec.provider}'`,
      params: { hint: `expected one of: ${allowed.join(', ')}` },
    });
  }
};

/**
 * A failover model: its provider and model always given, since it usually names another provider;
 * without an effort it takes its tier's (`fallbackChoice` in domain/policy.ts).
 */
export const FallbackFile = z
  .strictObject({
    provider: z.enum(PROVIDER_IDS),
    model: text,
    effort: z.enum(EFFORTS).exactOptional(),
  })
  .superRefine(checkEffort);

export const ModelSpecFile = z
  .strictObject({
    provider: z.enum(PROVIDER_IDS).exactOptional(),
    model: text.exactOptional(),
    effort: z.enum(EFFORTS).exactOptional(),
    fallback: FallbackFile.nullable().exactOptional(),
    service_tier: z.enum(['standard', 'flex']).exactOptional(),
    context: z.enum(CONTEXT_LEVELS).exactOptional(),
  })
  .superRefine((spec, ctx) => {
    if (
      spec.service_tier === 'flex' &&
      spec.provider !== undefined &&
      !FLEX_PROVIDERS.includes(spec.provider)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['service_tier'],
        message: `service_tier 'flex' is not available for provider '${spec.provider}'`,
        params: {
          hint: `flex is OpenAI's tier: use provider ${FLEX_PROVIDERS.join(', ')}, or remove service_tier`,
        },
      });
    }
    if (spec.provider === undefined || spec.effort === undefined) return;
    const allowed = EFFORTS_BY_PROVIDER[spec.provider];
    if (!allowed.includes(spec.effort)) {
      ctx.addIssue({
        code: 'custom',
        path: ['effort'],
        message: `effort '${spec.effort}' is not available for provider '${spec.provider}'`,
        params: { hint: `expected one of: ${allowed.join(', ')}` },
      });
    }
  });

export const RuleConditionsFile = z.strictObject({
  labels: texts,
  risk: list(z.enum(RISK_LEVELS)),
  size: list(z.enum(SIZE_CLASSES)),
  paths: globs,
  authors: texts,
  author_association: list(z.enum(AUTHOR_ASSOCIATIONS)),
  base: texts,
  changed_lines: z
    .strictObject({
      over: z.int().min(0).exactOptional(),
      under: z.int().positive().exactOptional(),
    })
    .superRefine(checkChangedLines)
    .exactOptional(),
});

export const RoutingRuleFile = z
  .strictObject({
    when: RuleConditionsFile,
    tier: z.enum(['skip', 'fast', 'deep']),
    mode: z.enum(['batch']).exactOptional(),
  })
  .superRefine(checkRuleMode);

export const PathInstructionFile = z.strictObject({
  paths: z.array(glob).min(1),
  instructions: z.string().min(1).max(20_000),
});

export const PolicyFile = z.strictObject({
  _extends: z
    .string()
    .regex(EXTENDS, "expected 'repo', 'owner/repo' or 'owner/repo:path/to/file.yml'")
    .exactOptional(),
  enabled: z.boolean().exactOptional(),
  models: z
    .strictObject({ fast: ModelSpecFile.exactOptional(), deep: ModelSpecFile.exactOptional() })
    .exactOptional(),
  routing: z
    .strictObject({
      rules: list(RoutingRuleFile),
      default: z.enum(['fast', 'deep']).exactOptional(),
      escalate: z.boolean().exactOptional(),
    })
    .exactOptional(),
  skip: z
    .strictObject({
      drafts: z.boolean().exactOptional(),
      labels: texts,
      authors: texts,
      only_paths: globs,
    })
    .exactOptional(),
  risk: z
    .strictObject({
      sensitive_paths: globs,
      levels: z
        .strictObject({ medium: level, high: level, critical: level })
        .superRefine(increasing(RISK_LEVEL_KEYS))
        .exactOptional(),
    })
    .exactOptional(),
  size: z
    .strictObject({
      changed_lines: z
        .strictObject({ S: threshold, M: threshold, L: threshold, XL: threshold })
        .superRefine(increasing(SIZE_THRESHOLD_KEYS))
        .exactOptional(),
    })
    .exactOptional(),
  review: z
    .strictObject({
      ignore_paths: globs,
      max_comments: z.int().min(0).max(100).exactOptional(),
      min_severity: z.enum(SEVERITIES).exactOptional(),
      instructions: z.string().max(20_000).exactOptional(),
      path_instructions: list(PathInstructionFile),
    })
    .exactOptional(),
  budget: z
    .strictObject({
      monthly_usd: usd,
      org_monthly_usd: usd,
      per_review_usd: usd,
      per_pull_request_usd: usd,
      alert_at: z
        .array(z.number().gt(0).max(1))
        // Each share is a line in a check run and a value of a metric's label: a policy cannot
        // make them unbounded.
        .max(10, { message: 'at most 10 shares' })
        .refine((shares) => new Set(shares).size === shares.length, {
          message: 'each share may appear once',
        })
        .exactOptional(),
      when_exceeded: z.enum(['fast', 'skip']).exactOptional(),
    })
    .exactOptional(),
});

export type PolicyFile = z.infer<typeof PolicyFile>;
