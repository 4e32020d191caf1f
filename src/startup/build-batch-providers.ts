/**
 * The batch APIs of the providers with an API key configured, on the same variables as their
 * immediate reviews (OPENAI_API_KEY / OPENAI_BASE_URL, ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL).
 * Batch calls are short (submit, ask, read a result file), so the SDKs' own transport serves them.
 */
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { ProviderId } from '../domain/policy.js';
import type { Env } from '../env.js';
import { createAnthropicBatch } from '../providers/anthropic-batch.js';
import type { BatchProvider } from '../providers/batch-types.js';
import { createOpenAIBatch } from '../providers/openai-batch.js';

export const buildBatchProviders = (env: Env): Partial<Record<ProviderId, BatchProvider>> => ({
  ...(env.OPENAI_API_KEY
    ? {
        openai: createOpenAIBatch({
          client: new OpenAI({
            apiKey: env.OPENAI_API_KEY,
            baseURL: env.OPENAI_BASE_URL ?? null,
            maxRetries: 2,
          }),
        }),
      }
    : {}),
  ...(env.ANTHROPIC_API_KEY
    ? {
        anthropic: createAnthropicBatch({
          client: new Anthropic({
            apiKey: env.ANTHROPIC_API_KEY,
            baseURL: env.ANTHROPIC_BASE_URL ?? null,
            maxRetries: 2,
          }),
        }),
      }
    : {}),
});
