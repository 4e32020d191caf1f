/** The openai SDK's errors as typed failures, for every provider reached through that SDK. */
import OpenAI from 'openai';
import type { ProviderId } from '../domain/policy.js';
import { deadlinePassedOn } from '../domain/review-deadline-passed.js';
import { deadlineFailure, httpFailure, transportFailure } from './provider-failure.js';
import type { ProviderFailure, ReviewRequest } from './types.js';

/**
 * An abort by the review's deadline (or the SDK's timeout firing as the deadline passes) is a
 * timeout that says so; any other abort is the caller's, and is thrown back to it.
 */
export const toOpenAIFailure = (
  error: unknown,
  request: Pick<ReviewRequest, 'signal'>,
  provider: ProviderId,
): ProviderFailure => {
  const deadline = deadlinePassedOn(request.signal);
  const stopped =
    error instanceof OpenAI.APIUserAbortError || error instanceof OpenAI.APIConnectionTimeoutError;
  if (deadline !== null && stopped) return deadlineFailure(provider, deadline.totalMs);
  if (error instanceof OpenAI.APIUserAbortError) throw error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return transportFailure(provider, 'timeout', error.message);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return transportFailure(provider, 'connection', error.message);
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    return httpFailure({
      provider,
      status: error.status,
      headers: error.headers instanceof Headers ? error.headers : undefined,
      message: error.message,
      code: typeof error.code === 'string' ? error.code : null,
    });
  }
  throw error;
};
