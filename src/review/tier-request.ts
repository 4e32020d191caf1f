/**
 * One tier's prompt and the review request that carries it, built the same way for an immediate
 * call (`call-model.ts`) and for a batch (the worker's batch request), and the answer either gets
 * back as the tier's answer.
 */
import { createHash } from 'node:crypto';
import { formatFileForPrompt } from '../changes/format-file-for-prompt.js';
import type { ProviderReply, ReviewRequest } from '../providers/types.js';
import { redactAnswer } from '../secrets/redact-answer.js';
import type { KnownSecret } from '../secrets/types.js';
import { buildReviewPrompt } from './build-prompt.js';
import type { PricedAttempt } from './price-attempt.js';
import type { TierAnswer, TierCallSubject, TierChoice } from './tier-call.js';
import type { BuildPromptInput, ReviewPrompt } from './types.js';

/** The prompt of the tier `choice` names, within `maxInputTokens`; `extra` adds code context. */
export const buildTierPrompt = (
  subject: Pick<TierCallSubject, 'policy' | 'classification' | 'diff' | 'pr'>,
  choice: Pick<TierChoice, 'tier' | 'reason'>,
  maxInputTokens: number,
  extra: Pick<BuildPromptInput, 'context' | 'contextOverBudget'> = {},
): ReviewPrompt =>
  buildReviewPrompt({
    policy: subject.policy,
    classification: subject.classification,
    diff: subject.diff,
    pr: subject.pr,
    route: { tier: choice.tier, reason: choice.reason },
    maxInputTokens,
    formatFile: formatFileForPrompt,
    ...extra,
  });

/** The request for the tier's model, without the call's deadline and code context. */
export const tierRequest = (
  prompt: ReviewPrompt,
  choice: Pick<TierChoice, 'model'>,
  repo: string,
  maxOutputTokens: number,
): Omit<ReviewRequest, 'timeoutMs' | 'signal'> => ({
  model: choice.model.model,
  effort: choice.model.effort,
  system: prompt.system,
  repositoryContext: prompt.repositoryContext,
  prompt: prompt.prompt,
  maxOutputTokens,
  cacheKey: promptCacheKey(repo),
});

/** OpenAI and Azure refuse a `prompt_cache_key` longer than this with a 400. */
export const MAX_CACHE_KEY_LENGTH = 64;

/**
 * One key per repository, so its reviews share the cached system and repository context:
 * `review-router:owner/name`, or for a name too long for the limit, a digest of it (the same for
 * every review of the repository).
 */
export const promptCacheKey = (repo: string): string => {
  const key = `review-router:${repo}`;
  if (key.length <= MAX_CACHE_KEY_LENGTH) return key;
  const prefix = 'review-router:';
  const digest = createHash('sha256').update(repo).digest('hex');
  return prefix + digest.slice(0, MAX_CACHE_KEY_LENGTH - prefix.length);
};

/**
 * A valid answer as the tier's answer, priced, with any secret of the pull request it repeats
 * replaced (the model never saw them). `tableVersion` stands in when the usage was not priced.
 */
export const answeredTier = (
  choice: TierChoice,
  reply: ProviderReply,
  priced: PricedAttempt,
  rest: {
    readonly omitted: TierAnswer['omitted'];
    readonly knownSecrets: readonly KnownSecret[];
    readonly tableVersion: string;
    readonly contextNote?: string | null;
  },
): TierAnswer => ({
  ok: true,
  choice,
  answer: redactAnswer(reply.answer, rest.knownSecrets),
  usage: reply.usage,
  costUsd: priced.costUsd,
  deepCostUsd: priced.deepCostUsd,
  priceVersion: priced.priceVersion ?? rest.tableVersion,
  omitted: rest.omitted,
  invalidAnswer: null,
  priceError: priced.priceError,
  ...(rest.contextNote === undefined ? {} : { contextNote: rest.contextNote }),
});
