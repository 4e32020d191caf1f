/** The Anthropic SDK's errors as typed failures, for every provider reached through that SDK. */
import Anthropic from '@anthropic-ai/sdk';
import type { ProviderId } from '../domain/policy.js';
import { deadlinePassedOn } from '../domain/review-deadline-passed.js';
import { deadlineFailure, httpFailure, transportFailure } from './provider-failure.js';
import type { ProviderFailure, ReviewRequest } from './types.js';

/**
 * An abort by the review's deadline (or the SDK's timeout firing as the deadline passes) is a
 * timeout that says so; any other abort is the caller's, and is thrown back to it.
 */
export const toAnthropicFailure = (
  error: unknown,
  request: Pick<ReviewRequest, 'signal'>,
  provider: ProviderId,
): ProviderFailure => {
  const deadline = deadlinePassedOn(request.signal);
  const stopped =
    error instanceof Anthropic.APIUserAbortError ||
    error instanceof Anthropic.APIConnectionTimeoutError;
  if (deadline !== null && stopped) return deadlineFailure(provider, deadline.totalMs);
  if (error instanceof Anthropic.APIUserAbortError) throw error;
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return transportFailure(provider, 'timeout', error.message);
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return transportFailure(provider, 'connection', error.message);
  }
  if (error instanceof Anthropic.APIError && typeof error.status === 'number') {
    return httpFailure({
      provider,
      status: error.status,
      headers: error.headers instanceof Headers ? error.headers : undefined,
      message: error.message,
      overloaded: error instanceof Anthropic.OverloadedError,
    });
  }
  throw error;
};
