import { EMPTY_POOL } from '../context/types.js';
import { formatUsd } from '../domain/format-usd.js';
import type { ModelAnswer } from '../domain/model-answer.js';
import { emptyUsage } from '../domain/usage.js';
import { redactText } from '../secrets/redact-text.js';
import { askModel, type SpentAttempt } from './ask-model.js';
import type { PromptTrim } from './plan-tiers.js';
import { flexTimeoutMs, notConfigured } from './provider-settings.js';
import { withCountedUsage } from './counted-usage.js';
import { describeContextLeftOut } from './describe-context-left-out.js';
import { priceAttempt } from './price-attempt.js';
import { answeredTier, buildTierPrompt, tierRequest } from './tier-request.js';
import type {
  FailedAttempt,
  TierCall,
  TierCallDeps,
  TierCallSubject,
  TierChoice,
} from './tier-call.js';

const EMPTY_ANSWER: ModelAnswer = {
  summary: '',
  escalate: { needed: false, reason: '' },
  findings: [],
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
export const notAsked = (choice: TierChoice, error: string, at: Date): FailedAttempt => ({
  tier: choice.tier,
  reason: choice.reason,
  outcome: 'failed',
  provider: choice.model.provider,
  model: choice.model.model,
  usage: null,
  costUsd: 0,
  deepCostUsd: 0,
  priceVersion: null,
  error,
  finishedAt: at.toISOString(),
});

/** Builds the prompt, asks one model (with one repair), prices the answer and every failed call. */
export const callModel = async (
  subject: TierCallSubject,
  choice: TierChoice,
  deps: TierCallDeps,
): Promise<TierCall> => {
  const provider = deps.providers[choice.model.provider];
  if (!provider) {
    const message = notConfigured(choice.model.provider);
    return {
      result: { ok: false, choice, message, retryable: true },
      failed: [notAsked(choice, message, deps.now())],
    };
  }
  const prompt = buildTierPrompt(
    subject,
    choice,
    choice.trim?.maxInputTokens ?? deps.limits.maxInputTokens,
    {
      context: subject.context ?? EMPTY_POOL,
      ...(choice.trim === null
        ? {}
        : { contextOverBudget: `over the per-review budget (${formatUsd(choice.trim.capUsd)})` }),
    },
  );
  const omitted = omissionsOf(prompt.omitted, choice.trim);
  const contextNote = describeContextLeftOut(prompt.contextLeftOut);
  const started = Date.now();
  const outcome = await askModel(
    provider,
    {
      ...tierRequest(prompt, choice, subject.repo, deps.limits.maxOutputTokens),
      context: prompt.context,
      cacheContext: prompt.cacheContext,
      ...(choice.model.service_tier === 'flex'
        ? { serviceTier: 'flex' as const, timeoutMs: flexTimeoutMs(deps.limits.modelTimeoutMs) }
        : { timeoutMs: deps.limits.modelTimeoutMs }),
    },
    deps.deadline,
    subject.knownSecrets,
  );
  deps.log.info(
    { tier: choice.tier, model: choice.model.model, kind: outcome.kind, ms: Date.now() - started },
    'model answered',
  );
  const price = (usage: SpentAttempt['usage']) =>
    priceAttempt({
      prices: deps.prices,
      tier: choice.tier,
      model: choice.model.model,
      deepModel: subject.policy.models.deep.model,
      deepProvider: subject.policy.models.deep.provider,
      usage,
      log: deps.log,
    });
  const failedOf = (spent: SpentAttempt): FailedAttempt => {
    const priced = price(spent.usage);
    return {
      tier: choice.tier,
      reason: choice.reason,
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
      finishedAt: deps.now().toISOString(),
    };
  };

  if (outcome.kind === 'failed' && outcome.failure.kind === 'invalid-answer') {
    // Two invalid answers: the last one is the attempt that gets posted (without findings).
    const failed = outcome.spent.slice(0, -1).map(failedOf);
    const usage = outcome.spent.at(-1)?.usage ?? null;
    const priced = price(usage);
    return {
      failed,
      result: {
        ok: true,
        choice,
        answer: EMPTY_ANSWER,
        usage: usage ?? emptyUsage(choice.model.provider),
        costUsd: priced.costUsd,
        deepCostUsd: priced.deepCostUsd,
        priceVersion: priced.priceVersion ?? deps.prices.version,
        omitted,
        invalidAnswer: redactText(outcome.failure.message, subject.knownSecrets).text,
        priceError: priced.priceError,
        contextNote,
      },
    };
  }
  const failed = outcome.spent.map(failedOf);
  if (outcome.kind === 'failed') {
    const { failure } = outcome;
    return {
      failed,
      result: {
        ok: false,
        choice,
        message: `${failure.provider} ${choice.model.model} failed (${failure.kind}${failure.status === null ? '' : `, HTTP ${failure.status}`}): ${failure.message}`,
        retryable: failure.retryable,
      },
    };
  }
  const reply = withCountedUsage(outcome.reply, prompt.inputTokens, deps.log);
  return {
    failed,
    result: answeredTier(choice, reply, price(reply.usage), {
      omitted,
      knownSecrets: subject.knownSecrets,
      tableVersion: deps.prices.version,
      contextNote,
    }),
  };
};
