/**
 * SDK clients for the cloud and self-hosted providers, pointed at hosts nock intercepts (or at a
 * local server), with fake credentials: nothing here can reach a real cloud.
 */
import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import AnthropicVertex from '@anthropic-ai/vertex-sdk';
import type { AuthClient } from 'google-auth-library';
import OpenAI, { AzureOpenAI } from 'openai';

export const AZURE_TEST_ENDPOINT = 'https://acme-reviews.openai.azure.test';
export const AZURE_TEST_API_VERSION = '2025-04-01-preview';
/** The deployment the tests' policies name as the model. */
export const AZURE_TEST_DEPLOYMENT = 'gpt-5.3-codex';

export const BEDROCK_TEST_REGION = 'us-east-1';
export const BEDROCK_TEST_ORIGIN = `https://bedrock-runtime.${BEDROCK_TEST_REGION}.amazonaws.com`;
export const BEDROCK_TEST_MODEL = 'global.anthropic.claude-opus-4-6-v1';
/** AWS's documented example access key: signs requests, opens nothing. */
export const BEDROCK_TEST_ACCESS_KEY = 'AKIDEXAMPLE';

export const VERTEX_TEST_REGION = 'us-east5';
export const VERTEX_TEST_PROJECT = 'acme-reviews';
export const VERTEX_TEST_ORIGIN = `https://${VERTEX_TEST_REGION}-aiplatform.googleapis.com`;
export const VERTEX_TEST_TOKEN = 'ya29.test-token';
export const vertexPath = (model: string): string =>
  `/v1/projects/${VERTEX_TEST_PROJECT}/locations/${VERTEX_TEST_REGION}/publishers/anthropic/models/${model}:rawPredict`;

export const COMPATIBLE_TEST_ORIGIN = 'http://127.0.0.1:11434';
export const COMPATIBLE_TEST_BASE_URL = `${COMPATIBLE_TEST_ORIGIN}/v1`;
export const COMPATIBLE_TEST_MODEL = 'qwen2.5-coder:32b';

interface TestClientOptions {
  readonly fetch?: typeof globalThis.fetch;
  readonly baseURL?: string;
}

const transport = (options: TestClientOptions) => ({
  maxRetries: 0,
  ...(options.fetch ? { fetch: options.fetch } : {}),
});

export const azureTestClient = (options: TestClientOptions = {}): AzureOpenAI =>
  new AzureOpenAI({
    apiKey: 'test-key',
    endpoint: AZURE_TEST_ENDPOINT,
    apiVersion: AZURE_TEST_API_VERSION,
    ...transport(options),
  });

/** Signs with SigV4 and fake AWS credentials. */
export const bedrockTestClient = (options: TestClientOptions = {}): AnthropicBedrock =>
  new AnthropicBedrock({
    awsRegion: BEDROCK_TEST_REGION,
    apiKey: null,
    awsAccessKey: BEDROCK_TEST_ACCESS_KEY,
    awsSecretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    awsSessionToken: null,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...transport(options),
  });

/** Google auth stand-in: the token a real AuthClient would add, without Google. */
export const fakeGoogleAuthClient = (): AuthClient =>
  ({
    projectId: VERTEX_TEST_PROJECT,
    getRequestHeaders: () =>
      Promise.resolve(new Headers({ authorization: `Bearer ${VERTEX_TEST_TOKEN}` })),
  }) as unknown as AuthClient;

export const vertexTestClient = (options: TestClientOptions = {}): AnthropicVertex =>
  new AnthropicVertex({
    region: VERTEX_TEST_REGION,
    projectId: VERTEX_TEST_PROJECT,
    authClient: fakeGoogleAuthClient(),
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    ...transport(options),
  });

export const compatibleTestClient = (options: TestClientOptions = {}): OpenAI =>
  new OpenAI({
    apiKey: 'none',
    baseURL: options.baseURL ?? COMPATIBLE_TEST_BASE_URL,
    ...transport(options),
  });

export interface ChatUsageCounts {
  /** Includes `cachedTokens`. */
  readonly promptTokens: number;
  readonly cachedTokens: number;
  /** Includes `reasoningTokens`. */
  readonly completionTokens: number;
  readonly reasoningTokens: number;
}

export const DEFAULT_CHAT_USAGE: ChatUsageCounts = {
  promptTokens: 6_100,
  cachedTokens: 2_048,
  completionTokens: 1_250,
  reasoningTokens: 0,
};

/** A Chat Completions body as `POST /v1/chat/completions` returns it (OpenAI's shape). */
export const chatCompletion = (options: {
  readonly answer: unknown;
  readonly usage?: Partial<ChatUsageCounts>;
  readonly model?: string;
  readonly finishReason?: 'stop' | 'length' | 'content_filter';
}): Record<string, unknown> => {
  const usage = { ...DEFAULT_CHAT_USAGE, ...options.usage };
  const text = typeof options.answer === 'string' ? options.answer : JSON.stringify(options.answer);
  return {
    id: 'chatcmpl-9f3cc42',
    object: 'chat.completion',
    created: 1_765_000_000,
    model: options.model ?? COMPATIBLE_TEST_MODEL,
    system_fingerprint: 'fp_ollama',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: usage.promptTokens,
      completion_tokens: usage.completionTokens,
      total_tokens: usage.promptTokens + usage.completionTokens,
      prompt_tokens_details: { cached_tokens: usage.cachedTokens },
      completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
    },
  };
};
