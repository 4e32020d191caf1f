/**
 * The SDK errors of both model SDKs as typed failures. The SDKs come from the same generator and
 * export the same error classes under the same names, so one mapping serves both; each adapter
 * hands over its SDK's classes and says what else its HTTP errors tell (Anthropic's overloaded,
 * OpenAI's error code).
 */
import type { ProviderId } from '../domain/policy.js';
import { deadlinePassedOn } from '../domain/review-deadline-passed.js';
import {
  deadlineFailure,
  httpFailure,
  transportFailure,
  isHeaderReader,
  unreadableAnswer,
  type HttpFailureInput,
} from './provider-failure.js';
import type { ProviderFailure, ReviewRequest } from './types.js';

type ErrorClass<T extends Error = Error> = abstract new (...args: never[]) => T;

/** The error classes an SDK exports, matched with `instanceof`. */
export interface SdkErrorClasses {
  readonly APIUserAbortError: ErrorClass;
  readonly APIConnectionTimeoutError: ErrorClass;
  readonly APIConnectionError: ErrorClass;
  readonly APIError: ErrorClass<
    Error & { readonly status: number | undefined; readonly headers: unknown }
  >;
}

/**
 * An abort by the review's deadline (or the SDK's timeout firing as the deadline passes) is a
 * timeout that says so; any other abort is the caller's, and is thrown back to it. A TypeError or
 * SyntaxError comes from reading an answer that is not the API's shape: a failure, not a throw.
 * Anything else that is not an SDK error is thrown.
 */
export const sdkFailure = (
  sdk: SdkErrorClasses,
  error: unknown,
  request: Pick<ReviewRequest, 'signal'>,
  provider: ProviderId,
  details: (error: unknown) => Pick<HttpFailureInput, 'overloaded' | 'code'>,
): ProviderFailure => {
  const deadline = deadlinePassedOn(request.signal);
  const stopped =
    error instanceof sdk.APIUserAbortError || error instanceof sdk.APIConnectionTimeoutError;
  if (deadline !== null && stopped) return deadlineFailure(provider, deadline.totalMs);
  if (error instanceof sdk.APIUserAbortError) throw error;
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return transportFailure(provider, 'timeout', error.message);
  }
  if (error instanceof sdk.APIConnectionError) {
    return transportFailure(provider, 'connection', error.message);
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    return httpFailure({
      provider,
      status: error.status,
      headers: isHeaderReader(error.headers) ? error.headers : undefined,
      message: error.message,
      ...details(error),
    });
  }
  // undici's fetch fails the body's read with this when the connection closes mid-answer.
  if (error instanceof TypeError && error.message === 'terminated')
    return transportFailure(
      provider,
      'connection',
      'the connection closed while its answer was being read (terminated)',
    );
  // Reading a body that is not the API's shape fails with these, after the SDK returned it.
  if (error instanceof TypeError || error instanceof SyntaxError)
    return unreadableAnswer(provider, error);
  throw error;
};
