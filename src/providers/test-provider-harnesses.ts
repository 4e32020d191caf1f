/**
 * Test helper: one harness per provider for the provider contract, each with its SDK's client
 * pointed at a host nock intercepts, the endpoint and credentials that provider's API expects,
 * and its own response and error bodies.
 */
import Anthropic from '@anthropic-ai/sdk';
import nock from 'nock';
import OpenAI from 'openai';
import {
  ANTHROPIC_TEST_BASE_URL,
  anthropicError,
  anthropicMessage,
  anthropicTestClient,
  DEFAULT_ANTHROPIC_USAGE,
} from '../../test/helpers/anthropic-messages.js';
import {
  AZURE_TEST_API_VERSION,
  AZURE_TEST_DEPLOYMENT,
  AZURE_TEST_ENDPOINT,
  azureTestClient,
  BEDROCK_TEST_MODEL,
  BEDROCK_TEST_ORIGIN,
  BEDROCK_TEST_REGION,
  bedrockTestClient,
  chatCompletion,
  COMPATIBLE_TEST_MODEL,
  COMPATIBLE_TEST_ORIGIN,
  compatibleTestClient,
  DEFAULT_CHAT_USAGE,
  VERTEX_TEST_ORIGIN,
  VERTEX_TEST_REGION,
  VERTEX_TEST_TOKEN,
  vertexPath,
  vertexTestClient,
} from '../../test/helpers/cloud-clients.js';
import {
  DEFAULT_OPENAI_USAGE,
  OPENAI_TEST_BASE_URL,
  OPENAI_TEST_ORIGIN,
  openAIError,
  openAIResponse,
  openAITestClient,
} from '../../test/helpers/openai-responses.js';
import type { ProviderId } from '../domain/policy.js';
import { createAnthropicProvider } from './anthropic-provider.js';
import { createOpenAIChatProvider } from './openai-chat-provider.js';
import { createOpenAIProvider } from './openai-provider.js';
import type { ModelProvider } from './types.js';

export interface Harness {
  readonly id: ProviderId;
  readonly create: () => ModelProvider;
  readonly createWithFetch: (fetch: typeof globalThis.fetch) => ModelProvider;
  /** The one request the provider's API expects, with its credentials. */
  readonly endpoint: () => nock.Interceptor;
  readonly answer: (answer: unknown) => Record<string, unknown>;
  readonly error: (status: number) => Record<string, unknown>;
  readonly model: string;
  /** The input tokens the default response reports. */
  readonly inputTokens: number;
}

const openAIErrorFor = (status: number) =>
  openAIError(`status ${status}`, status === 429 ? 'requests' : 'server_error');

const anthropicErrorFor = (status: number) =>
  anthropicError(
    status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : 'api_error',
    `status ${status}`,
  );

/** SigV4 with the fake key, for Bedrock in the test region. */
export const SIGV4 = new RegExp(
  `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${BEDROCK_TEST_REGION}/bedrock/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$`,
);

export const HARNESSES: readonly Harness[] = [
  {
    id: 'openai',
    create: () => createOpenAIProvider({ client: openAITestClient() }),
    createWithFetch: (fetch) =>
      createOpenAIProvider({
        client: new OpenAI({
          apiKey: 'test-key',
          baseURL: OPENAI_TEST_BASE_URL,
          maxRetries: 0,
          fetch,
        }),
      }),
    endpoint: () => nock(OPENAI_TEST_ORIGIN).post('/v1/responses'),
    answer: (answer) => openAIResponse({ answer }),
    error: openAIErrorFor,
    model: 'gpt-5.3-codex',
    inputTokens: DEFAULT_OPENAI_USAGE.inputTokens,
  },
  {
    id: 'anthropic',
    create: () => createAnthropicProvider({ client: anthropicTestClient() }),
    createWithFetch: (fetch) =>
      createAnthropicProvider({
        client: new Anthropic({
          apiKey: 'test-key',
          baseURL: ANTHROPIC_TEST_BASE_URL,
          maxRetries: 0,
          fetch,
        }),
      }),
    endpoint: () => nock(ANTHROPIC_TEST_BASE_URL).post('/v1/messages'),
    answer: (answer) => anthropicMessage({ answer }),
    error: anthropicErrorFor,
    model: 'claude-opus-4-6',
    inputTokens: DEFAULT_ANTHROPIC_USAGE.inputTokens,
  },
  {
    id: 'azure-openai',
    create: () => createOpenAIProvider({ id: 'azure-openai', client: azureTestClient() }),
    createWithFetch: (fetch) =>
      createOpenAIProvider({ id: 'azure-openai', client: azureTestClient({ fetch }) }),
    endpoint: () =>
      nock(AZURE_TEST_ENDPOINT, { reqheaders: { 'api-key': 'test-key' } })
        .post(
          '/openai/responses',
          (body: { model?: string }) => body.model === AZURE_TEST_DEPLOYMENT,
        )
        .query({ 'api-version': AZURE_TEST_API_VERSION }),
    answer: (answer) => openAIResponse({ answer }),
    error: openAIErrorFor,
    model: AZURE_TEST_DEPLOYMENT,
    inputTokens: DEFAULT_OPENAI_USAGE.inputTokens,
  },
  {
    id: 'bedrock',
    create: () => createAnthropicProvider({ id: 'bedrock', client: bedrockTestClient() }),
    createWithFetch: (fetch) =>
      createAnthropicProvider({ id: 'bedrock', client: bedrockTestClient({ fetch }) }),
    endpoint: () =>
      nock(BEDROCK_TEST_ORIGIN, { reqheaders: { authorization: SIGV4 } }).post(
        `/model/${BEDROCK_TEST_MODEL}/invoke`,
        (body: { model?: string; anthropic_version?: string }) =>
          body.model === undefined && typeof body.anthropic_version === 'string',
      ),
    answer: (answer) => anthropicMessage({ answer, model: 'claude-opus-4-6' }),
    error: (status) => ({
      message:
        status === 429 ? 'Too many requests, please wait before trying again.' : `status ${status}`,
    }),
    model: BEDROCK_TEST_MODEL,
    inputTokens: DEFAULT_ANTHROPIC_USAGE.inputTokens,
  },
  {
    id: 'vertex',
    create: () =>
      createAnthropicProvider({
        id: 'vertex',
        region: VERTEX_TEST_REGION,
        client: vertexTestClient(),
      }),
    createWithFetch: (fetch) =>
      createAnthropicProvider({
        id: 'vertex',
        region: VERTEX_TEST_REGION,
        client: vertexTestClient({ fetch }),
      }),
    endpoint: () =>
      nock(VERTEX_TEST_ORIGIN, {
        reqheaders: { authorization: `Bearer ${VERTEX_TEST_TOKEN}` },
      }).post(
        vertexPath('claude-opus-4-6'),
        (body: { model?: string; anthropic_version?: string }) =>
          body.model === undefined && typeof body.anthropic_version === 'string',
      ),
    answer: (answer) => anthropicMessage({ answer }),
    error: (status) => ({
      error: {
        code: status,
        message:
          status === 429
            ? 'Quota exceeded for aiplatform.googleapis.com/online_prediction_input_tokens_per_minute_per_base_model with base model: anthropic-claude-opus-4-6.'
            : `status ${status}`,
        status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE',
      },
    }),
    model: 'claude-opus-4-6',
    inputTokens: DEFAULT_ANTHROPIC_USAGE.inputTokens,
  },
  {
    id: 'openai-compatible',
    create: () => createOpenAIChatProvider({ client: compatibleTestClient() }),
    createWithFetch: (fetch) =>
      createOpenAIChatProvider({ client: compatibleTestClient({ fetch }) }),
    endpoint: () => nock(COMPATIBLE_TEST_ORIGIN).post('/v1/chat/completions'),
    answer: (answer) => chatCompletion({ answer }),
    error: openAIErrorFor,
    model: COMPATIBLE_TEST_MODEL,
    inputTokens: DEFAULT_CHAT_USAGE.promptTokens,
  },
];
