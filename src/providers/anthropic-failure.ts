/** The Anthropic SDK's errors as typed failures, for every provider reached through that SDK. */
import Anthropic from '@anthropic-ai/sdk';
import type { ProviderId } from '../domain/policy.js';
import { isHeaderReader } from './provider-failure.js';
import { sdkFailure } from './sdk-failure.js';
import type { ProviderFailure, ReviewRequest } from './types.js';

export const toAnthropicFailure = (
  error: unknown,
  request: Pick<ReviewRequest, 'signal'>,
  provider: ProviderId,
): ProviderFailure =>
  sdkFailure(Anthropic, error, request, provider, (apiError) => ({
    overloaded: apiError instanceof Anthropic.OverloadedError,
    // Bedrock names its error in a header: `ServiceQuotaExceededException:http://internal…`.
    code:
      apiError instanceof Anthropic.APIError && isHeaderReader(apiError.headers)
        ? (apiError.headers.get('x-amzn-errortype')?.split(':')[0] ?? null)
        : null,
  }));
