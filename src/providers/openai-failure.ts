/** The openai SDK's errors as typed failures, for every provider reached through that SDK. */
import OpenAI from 'openai';
import type { ProviderId } from '../domain/policy.js';
import { sdkFailure } from './sdk-failure.js';
import type { ProviderFailure, ReviewRequest } from './types.js';

export const toOpenAIFailure = (
  error: unknown,
  request: Pick<ReviewRequest, 'signal'>,
  provider: ProviderId,
): ProviderFailure =>
  sdkFailure(OpenAI, error, request, provider, (apiError) => ({
    code:
      apiError instanceof OpenAI.APIError && typeof apiError.code === 'string'
        ? apiError.code
        : null,
  }));
