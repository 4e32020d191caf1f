import type { ProviderId } from '../domain/policy.js';
import type { Usage } from '../domain/usage.js';
import type {
  ModelProvider,
  ProviderFailure,
  ProviderReply,
  ReviewRequest,
} from '../providers/types.js';
import {
  callTimeoutMs,
  describeDeadline,
  NO_DEADLINE,
  type ReviewDeadline,
} from './review-deadline.js';
import { redactText } from '../secrets/redact-text.js';
import type { KnownSecret } from '../secrets/types.js';

/** A provider call that spent tokens but produced nothing usable: it still goes in the ledger. */
export interface SpentAttempt {
  readonly provider: ProviderId;
  readonly model: string;
  readonly usage: Usage | null;
  readonly failure: ProviderFailure;
}

export type ModelOutcome =
  | {
      readonly kind: 'answered';
      readonly reply: ProviderReply;
      readonly spent: readonly SpentAttempt[];
    }
  | {
      readonly kind: 'failed';
      readonly failure: ProviderFailure;
      readonly spent: readonly SpentAttempt[];
    };

const repairPrompt = (request: ReviewRequest, failure: ProviderFailure): ReviewRequest => ({
  ...request,
  prompt:
    `${request.prompt}\n\n---\nYour previous answer was rejected by the schema check: ` +
    `${failure.message.slice(0, 500)}\nAnswer again with only the structured review the schema describes.`,
});

/** The request as sent now: it carries the deadline's signal and never outlives the deadline. */
const withinDeadline = (request: ReviewRequest, deadline: ReviewDeadline): ReviewRequest => ({
  ...request,
  timeoutMs: callTimeoutMs(deadline, request.timeoutMs),
  signal: deadline.signal,
});

/**
 * The answer failed validation, but the review's deadline has passed: no repair is sent, and the
 * review ends as a timeout (not the "failed validation twice" review, which this answer is not).
 */
const noTimeToRepair = (failure: ProviderFailure, deadline: ReviewDeadline): ProviderFailure => ({
  ...failure,
  kind: 'timeout',
  message: `${failure.message}; ${describeDeadline(deadline)} passed before a repair request could be sent`,
  retryable: false,
});

/**
 * A failure with the secrets in its texts redacted: a provider's error can quote the request it
 * refused, and an invalid answer quotes the model's text. Both go to the log, the ledger, the check
 * run and (an invalid answer) back to the model in the repair request.
 */
const redactFailure = (
  failure: ProviderFailure,
  known: readonly KnownSecret[],
): ProviderFailure => ({
  ...failure,
  message: redactText(failure.message, known).text,
  rawAnswer: failure.rawAnswer === null ? null : redactText(failure.rawAnswer, known).text,
});

/**
 * One call, and one repair request when the answer fails validation, both
 * within the review's total deadline: the repair is not sent once it has passed.
 */
export const askModel = async (
  provider: ModelProvider,
  request: ReviewRequest,
  deadline: ReviewDeadline = NO_DEADLINE,
  known: readonly KnownSecret[] = [],
): Promise<ModelOutcome> => {
  const ask = async (sent: ReviewRequest) => {
    const reply = await provider.review(withinDeadline(sent, deadline));
    return reply.ok ? reply : { ok: false as const, error: redactFailure(reply.error, known) };
  };
  const first = await ask(request);
  if (first.ok) return { kind: 'answered', reply: first.value, spent: [] };
  const firstSpent: SpentAttempt = {
    provider: provider.id,
    model: request.model,
    usage: first.error.usage,
    failure: first.error,
  };
  if (first.error.kind !== 'invalid-answer')
    return { kind: 'failed', failure: first.error, spent: [firstSpent] };
  if (deadline.passed())
    return { kind: 'failed', failure: noTimeToRepair(first.error, deadline), spent: [firstSpent] };
  const second = await ask(repairPrompt(request, first.error));
  if (second.ok) return { kind: 'answered', reply: second.value, spent: [firstSpent] };
  const secondSpent: SpentAttempt = {
    provider: provider.id,
    model: request.model,
    usage: second.error.usage,
    failure: second.error,
  };
  return { kind: 'failed', failure: second.error, spent: [firstSpent, secondSpent] };
};
