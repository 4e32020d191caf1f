import { formatFileForPrompt } from '../changes/format-file-for-prompt.js';
import type { ModelAnswer } from '../domain/model-answer.js';
import type { ModelSpec } from '../domain/policy.js';
import type { Tier } from '../domain/review-job.js';
import { formatUsd } from '../domain/format-usd.js';
import { emptyUsage, type Usage } from '../domain/usage.js';
import { estimateCostUsd, priceUsage } from '../ledger/price-usage.js';
import { buildReviewPrompt } from '../review/build-prompt.js';
import { redactAnswer } from '../secrets/redact-answer.js';
import { redactText } from '../secrets/redact-text.js';
import { askModel, type SpentAttempt } from './ask-model.js';
import { promptTokens } from './build-ledger-entry.js';
import type { PromptTrim } from './plan-tiers.js';
import { recordAttempt } from './record-attempt.js';
import type { ReviewContext } from './review-context.js';
import { describeDeadline, type ReviewDeadline } from './review-deadline.js';

export interface TierChoice {
  readonly tier: Tier;
  readonly model: ModelSpec;
  readonly reason: string;
  readonly budgetNote: string | null;
  /** Set when `per_review_usd` leaves files out of this tier's prompt. */
  readonly trim: PromptTrim | null;
}

export interface TierAnswer {
  readonly ok: true;
  readonly choice: TierChoice;
  readonly answer: ModelAnswer;
  readonly usage: Usage;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  readonly priceVersion: string;
  readonly omitted: readonly { path: string; reason: string }[];
  /** The answer failed validation twice: post without findings and say so. */
  readonly invalidAnswer: string | null;
  /** The usage could not be priced (recorded at $0 with this error). */
  readonly priceError: string | null;
}

export interface TierFailure {
  readonly ok: false;
  readonly choice: TierChoice;
  readonly message: string;
  /** The provider, not the request, was at fault (rate limit, overload, 5xx, timeout, no key). */
  readonly retryable: boolean;
}

interface Priced {
  readonly costUsd: number;
  readonly deepCostUsd: number;
  readonly priceVersion: string | null;
  /** Set when the usage could not be priced: the tokens are still recorded, at $0, with this error. */
  readonly priceError: string | null;
}

const EMPTY_ANSWER: ModelAnswer = {
  summary: '',
  escalate: { needed: false, reason: '' },
  findings: [],
};

const priceAttempt = (context: ReviewContext, choice: TierChoice, usage: Usage | null): Priced => {
  if (usage === null) return { costUsd: 0, deepCostUsd: 0, priceVersion: null, priceError: null };
  const { prices } = context.deps;
  const priced = priceUsage(prices, choice.model.model, usage);
  if (!priced.ok) {
    // Never throw here: the model has answered and been paid; a retry would pay again.
    context.log.error(
      { model: choice.model.model, error: priced.error },
      'cannot price this usage',
    );
    return {
      costUsd: 0,
      deepCostUsd: 0,
      priceVersion: null,
      priceError: `unpriced: ${priced.error}`,
    };
  }
  const deepModel = context.policy.models.deep.model;
  const deepCostUsd =
    choice.tier === 'deep'
      ? priced.value.costUsd
      : estimateCostUsd(prices, deepModel, {
          inputTokens: promptTokens(usage),
          outputTokens: usage.outputTokens,
        });
  return {
    costUsd: priced.value.costUsd,
    deepCostUsd,
    priceVersion: priced.value.version,
    priceError: null,
  };
};

const recordFailedAttempt = async (
  context: ReviewContext,
  choice: TierChoice,
  spent: SpentAttempt,
) => {
  const priced = priceAttempt(context, choice, spent.usage);
  await recordAttempt(context, choice, {
    outcome: 'failed',
    provider: spent.provider,
    model: spent.model,
    usage: spent.usage,
    costUsd: priced.costUsd,
    deepCostUsd: priced.deepCostUsd,
    priceVersion: priced.priceVersion,
    error: [`${spent.failure.kind}: ${spent.failure.message}`, priced.priceError]
      .filter(Boolean)
      .join('; '),
  });
};

/** Files the whole prompt would have had say they were left out for the per-review budget. */
const omissionsOf = (
  omitted: readonly { path: string; reason: string }[],
  trim: PromptTrim | null,
): { path: string; reason: string }[] =>
  omitted.map((file) =>
    trim !== null && file.reason === 'over token budget' && trim.wholePaths.has(file.path)
      ? { path: file.path, reason: `over the per-review budget (${formatUsd(trim.capUsd)})` }
      : file,
  );

/** A call that was never sent (no API key, no time left): the review still gets its failed row. */
const recordNotAsked = (context: ReviewContext, choice: TierChoice, error: string) =>
  recordAttempt(context, choice, {
    outcome: 'failed',
    provider: choice.model.provider,
    model: choice.model.model,
    error,
  });

/** The review's deadline passed before this tier's model was asked: nothing is sent. */
const notStarted = async (
  context: ReviewContext,
  choice: TierChoice,
  deadline: ReviewDeadline,
): Promise<TierFailure> => {
  const message =
    `${choice.model.provider} ${choice.model.model} was not asked: ${describeDeadline(deadline)} ` +
    'passed before the call could start. To resolve, raise REVIEW_DEADLINE_MS if reviews this ' +
    'size need longer';
  context.log.warn({ tier: choice.tier, model: choice.model.model }, 'review deadline passed');
  await recordNotAsked(context, choice, `timeout: ${message}`);
  return { ok: false, choice, message, retryable: false };
};

/**
 * Asks the tier's model; when its provider keeps failing (after the SDK's own bounded retries) and
 * the policy names `models.<tier>.fallback`, asks the fallback model once.
 * Neither call starts once the review's total deadline has passed.
 */
export const callTier = async (
  context: ReviewContext,
  choice: TierChoice,
): Promise<TierAnswer | TierFailure> => {
  const deadline = context.deadline;
  if (deadline.passed()) return notStarted(context, choice, deadline);
  const first = await callModel(context, choice);
  const fallback = choice.model.fallback;
  if (first.ok || !first.retryable || fallback === undefined || fallback === null) return first;
  if (deadline.passed()) {
    context.log.warn(
      { tier: choice.tier, from: choice.model.model, to: fallback.model, error: first.message },
      'provider failed and the review deadline passed: no failover',
    );
    return {
      ...first,
      message: `${first.message}; ${describeDeadline(deadline)} has passed, so the fallback ${fallback.provider} ${fallback.model} was not asked`,
      retryable: false,
    };
  }
  context.log.warn(
    { tier: choice.tier, from: choice.model.model, to: fallback.model, error: first.message },
    'provider failed: failing over',
  );
  const second = await callModel(context, {
    ...choice,
    model: { ...fallback, fallback: null },
    reason: `${choice.reason}; ${choice.model.provider} ${choice.model.model} failed, so its fallback answered`,
  });
  return second.ok
    ? second
    : { ...second, message: `${first.message}; then the fallback ${second.message}` };
};

/** Builds the prompt, asks one model (with one repair), prices the answer. */
const callModel = async (
  context: ReviewContext,
  choice: TierChoice,
): Promise<TierAnswer | TierFailure> => {
  const { deps, policy } = context;
  const provider = deps.providers[choice.model.provider];
  if (!provider) {
    const variable = choice.model.provider === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY';
    const message = `no ${choice.model.provider} API key is configured: set ${variable} and restart the app`;
    await recordNotAsked(context, choice, message);
    return { ok: false, choice, message, retryable: true };
  }
  const prompt = buildReviewPrompt({
    policy,
    classification: context.classification,
    diff: context.diff,
    pr: context.pr,
    route: { tier: choice.tier, reason: choice.reason },
    maxInputTokens: choice.trim?.maxInputTokens ?? deps.limits.maxInputTokens,
    formatFile: formatFileForPrompt,
  });
  const omitted = omissionsOf(prompt.omitted, choice.trim);
  const started = Date.now();
  const outcome = await askModel(
    provider,
    {
      model: choice.model.model,
      effort: choice.model.effort,
      system: prompt.system,
      repositoryContext: prompt.repositoryContext,
      prompt: prompt.prompt,
      maxOutputTokens: deps.limits.maxOutputTokens,
      cacheKey: `review-router:${context.repo}`,
      timeoutMs: deps.limits.modelTimeoutMs,
    },
    context.deadline,
  );
  context.log.info(
    { tier: choice.tier, model: choice.model.model, kind: outcome.kind, ms: Date.now() - started },
    'model answered',
  );

  if (outcome.kind === 'failed' && outcome.failure.kind === 'invalid-answer') {
    // Two invalid answers: the last one is the attempt that gets posted (without findings).
    for (const spent of outcome.spent.slice(0, -1))
      await recordFailedAttempt(context, choice, spent);
    const last = outcome.spent.at(-1);
    const usage = last?.usage ?? null;
    const priced = priceAttempt(context, choice, usage);
    return {
      ok: true,
      choice,
      answer: EMPTY_ANSWER,
      usage: usage ?? emptyUsage(choice.model.provider),
      costUsd: priced.costUsd,
      deepCostUsd: priced.deepCostUsd,
      priceVersion: priced.priceVersion ?? deps.prices.version,
      omitted,
      invalidAnswer: redactText(outcome.failure.message, context.secrets.known).text,
      priceError: priced.priceError,
    };
  }
  for (const spent of outcome.spent) await recordFailedAttempt(context, choice, spent);
  if (outcome.kind === 'failed') {
    const { failure } = outcome;
    return {
      ok: false,
      choice,
      message: `${failure.provider} ${choice.model.model} failed (${failure.kind}${failure.status === null ? '' : `, HTTP ${failure.status}`}): ${failure.message}`,
      retryable: failure.retryable,
    };
  }
  const priced = priceAttempt(context, choice, outcome.reply.usage);
  return {
    ok: true,
    choice,
    // The model never saw this pull request's secrets; should its answer repeat one, it goes.
    answer: redactAnswer(outcome.reply.answer, context.secrets.known),
    usage: outcome.reply.usage,
    costUsd: priced.costUsd,
    deepCostUsd: priced.deepCostUsd,
    priceVersion: priced.priceVersion ?? deps.prices.version,
    omitted,
    invalidAnswer: null,
    priceError: priced.priceError,
  };
};
