import { fallbackChoice } from '../domain/policy.js';
import { callModel, notAsked } from './call-model.js';
import { describeDeadline } from './review-deadline.js';
import type { TierCall, TierCallDeps, TierCallSubject, TierChoice } from './tier-call.js';

/** The review's deadline passed before this tier's model was asked: nothing is sent. */
const notStarted = (choice: TierChoice, deps: TierCallDeps): TierCall => {
  const message =
    `${choice.model.provider} ${choice.model.model} was not asked: ${describeDeadline(deps.deadline)} ` +
    'passed before the call could start. To resolve, raise REVIEW_DEADLINE_MS if reviews this ' +
    'size need longer';
  deps.log.warn({ tier: choice.tier, model: choice.model.model }, 'review deadline passed');
  return {
    result: { ok: false, choice, message, retryable: false },
    failed: [notAsked(choice, `timeout: ${message}`, deps.now())],
  };
};

/**
 * Asks the tier's model; when its provider keeps failing (after the SDK's own bounded retries) and
 * the policy names `models.<tier>.fallback`, asks the fallback model once.
 * Neither call starts once the review's total deadline has passed. Nothing is written here: the
 * answer and every failed attempt come back as values.
 */
export const callTier = async (
  subject: TierCallSubject,
  choice: TierChoice,
  deps: TierCallDeps,
): Promise<TierCall> => {
  const { deadline } = deps;
  if (deadline.passed()) return notStarted(choice, deps);
  const first = await callModel(subject, choice, deps);
  const fallback = fallbackChoice(choice.model);
  if (first.result.ok || !first.result.retryable || fallback === null) return first;
  const failure = first.result;
  if (deadline.passed()) {
    deps.log.warn(
      { tier: choice.tier, from: choice.model.model, to: fallback.model, error: failure.message },
      'provider failed and the review deadline passed: no failover',
    );
    return {
      failed: first.failed,
      result: {
        ...failure,
        message: `${failure.message}; ${describeDeadline(deadline)} has passed, so the fallback ${fallback.provider} ${fallback.model} was not asked`,
        retryable: false,
      },
    };
  }
  deps.log.warn(
    { tier: choice.tier, from: choice.model.model, to: fallback.model, error: failure.message },
    'provider failed: failing over',
  );
  const second = await callModel(
    subject,
    {
      ...choice,
      model: { ...fallback, fallback: null },
      reason: `${choice.reason}; ${choice.model.provider} ${choice.model.model} failed, so its fallback answered`,
    },
    deps,
  );
  const failed = [...first.failed, ...second.failed];
  return second.result.ok
    ? { failed, result: second.result }
    : {
        failed,
        result: {
          ...second.result,
          message: `${failure.message}; then the fallback ${second.result.message}`,
        },
      };
};
