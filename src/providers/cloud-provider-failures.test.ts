/** Each provider's own failures, as its API sends them, and what the operator is told to do. */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AZURE_TEST_API_VERSION,
  AZURE_TEST_ENDPOINT,
  azureTestClient,
  BEDROCK_TEST_MODEL,
  BEDROCK_TEST_ORIGIN,
  bedrockTestClient,
  compatibleTestClient,
  VERTEX_TEST_ORIGIN,
  VERTEX_TEST_REGION,
  vertexPath,
  vertexTestClient,
} from '../../test/helpers/cloud-clients.js';
import { freePort } from '../../test/helpers/free-port.js';
import { anthropicMessage } from '../../test/helpers/anthropic-messages.js';
import { modelAnswer } from '../../test/helpers/model-answers.js';
import { createAnthropicProvider } from './anthropic-provider.js';
import { createOpenAIChatProvider } from './openai-chat-provider.js';
import { createOpenAIProvider } from './openai-provider.js';
import type { ReviewRequest } from './types.js';

const request = (model: string): ReviewRequest => ({
  model,
  effort: 'high',
  system: 'You are review-router.',
  repositoryContext: '',
  prompt: 'Review pull request #42.',
  maxOutputTokens: 16_000,
  cacheKey: 'review-router:acme/widgets',
  timeoutMs: 60_000,
});

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('provider failures', () => {
  it('reports Bedrock throttling as a retryable rate limit, with where to raise the quota', async () => {
    const scope = nock(BEDROCK_TEST_ORIGIN).post(`/model/${BEDROCK_TEST_MODEL}/invoke`).reply(
      429,
      { message: 'Too many requests, please wait before trying again.' },
      {
        'x-amzn-errortype':
          'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
      },
    );
    const provider = createAnthropicProvider({ id: 'bedrock', client: bedrockTestClient() });

    const result = await provider.review(request(BEDROCK_TEST_MODEL));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', provider: 'bedrock', status: 429, retryable: true },
    });
    expect(!result.ok && result.error.message).toMatch(
      /^Amazon Bedrock rate-limited the request: 429 .*Too many requests.*\. To resolve, Bedrock throttled the account \(ThrottlingException\): raise the model's tokens-per-minute quota in AWS Service Quotas/,
    );
  });

  it('reports an exhausted Vertex AI quota as a retryable rate limit, with how to get more', async () => {
    const scope = nock(VERTEX_TEST_ORIGIN)
      .post(vertexPath('claude-opus-4-6'))
      .reply(429, {
        error: {
          code: 429,
          message:
            'Quota exceeded for aiplatform.googleapis.com/online_prediction_input_tokens_per_minute_per_base_model with base model: anthropic-claude-opus-4-6.',
          status: 'RESOURCE_EXHAUSTED',
        },
      });
    const provider = createAnthropicProvider({
      id: 'vertex',
      region: VERTEX_TEST_REGION,
      client: vertexTestClient(),
    });

    const result = await provider.review(request('claude-opus-4-6'));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', provider: 'vertex', retryable: true },
    });
    expect(!result.ok && result.error.message).toContain('Quota exceeded');
    expect(!result.ok && result.error.message).toContain(
      "To resolve, the project's Vertex AI quota for the model is used up (RESOURCE_EXHAUSTED): request a higher quota",
    );
  });

  it("reports Azure's content filter on the prompt as a refusal that no retry fixes", async () => {
    const scope = nock(AZURE_TEST_ENDPOINT)
      .post('/openai/responses')
      .query({ 'api-version': AZURE_TEST_API_VERSION })
      .reply(400, {
        error: {
          message:
            "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
          type: null,
          param: 'prompt',
          code: 'content_filter',
          status: 400,
        },
      });
    const provider = createOpenAIProvider({ id: 'azure-openai', client: azureTestClient() });

    const result = await provider.review(request('gpt-5.3-codex'));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'refused', provider: 'azure-openai', status: 400, retryable: false },
    });
    expect(!result.ok && result.error.message).toContain(
      "To resolve, the deployment's content filter blocked it: review the filter configuration",
    );
  });

  it('reports a local server that is down as a retryable connection failure, with what to start', async () => {
    nock.enableNetConnect('127.0.0.1');
    const port = await freePort();
    const provider = createOpenAIChatProvider({
      client: compatibleTestClient({ baseURL: `http://127.0.0.1:${port}/v1` }),
    });

    const result = await provider.review(request('qwen2.5-coder:32b'));

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'connection', provider: 'openai-compatible', status: null, retryable: true },
    });
    expect(!result.ok && result.error.message).toContain(
      'To resolve, start the model server at OPENAI_COMPATIBLE_BASE_URL, or fix the URL',
    );
  });

  it('sends Bedrock the same Messages request as Anthropic, with adaptive thinking for a 4.6 model ID', async () => {
    let body: Record<string, unknown> = {};
    const scope = nock(BEDROCK_TEST_ORIGIN)
      .post(`/model/${BEDROCK_TEST_MODEL}/invoke`, (sent: Record<string, unknown>) => {
        body = sent;
        return true;
      })
      .reply(200, anthropicMessage({ answer: modelAnswer() }));
    const provider = createAnthropicProvider({ id: 'bedrock', client: bedrockTestClient() });

    const result = await provider.review(request(BEDROCK_TEST_MODEL));

    scope.done();
    expect(result.ok).toBe(true);
    expect(body).toMatchObject({
      // The SDK moves the API version into the body and the model into the path.
      anthropic_version: expect.any(String) as unknown,
      max_tokens: 16_000,
      thinking: { type: 'adaptive' },
      output_config: { effort: 'high', format: { type: 'json_schema' } },
    });
    expect(body).not.toHaveProperty('model');
  });

  it('stamps the Vertex AI region and the service tier on the usage, for pricing', async () => {
    const scope = nock(VERTEX_TEST_ORIGIN)
      .post(vertexPath('claude-opus-4-6'))
      .reply(200, anthropicMessage({ answer: modelAnswer() }));
    const provider = createAnthropicProvider({
      id: 'vertex',
      region: VERTEX_TEST_REGION,
      client: vertexTestClient(),
    });

    const result = await provider.review(request('claude-opus-4-6'));

    scope.done();
    expect(result).toMatchObject({
      ok: true,
      value: { usage: { provider: 'vertex', region: 'us-east5', serviceTier: 'standard' } },
    });
  });
});
