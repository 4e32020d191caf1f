/**
 * Webhook to ledger on every provider beyond OpenAI and Anthropic, and on OpenAI's flex tier: the
 * policy names the provider, its SDK sends the request nock answers, and the ledger's cost is the
 * usage times that provider's price for that model (and tier), worked out here by hand.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { loadPriceTable } from '../../src/ledger/price-table.js';
import { createAnthropicProvider } from '../../src/providers/anthropic-provider.js';
import { createOpenAIChatProvider } from '../../src/providers/openai-chat-provider.js';
import { createOpenAIProvider } from '../../src/providers/openai-provider.js';
import { SIGV4 } from '../../src/providers/test-provider-harnesses.js';
import { anthropicMessage } from '../helpers/anthropic-messages.js';
import {
  AZURE_TEST_API_VERSION,
  AZURE_TEST_ENDPOINT,
  azureTestClient,
  BEDROCK_TEST_ORIGIN,
  bedrockTestClient,
  chatCompletion,
  COMPATIBLE_TEST_ORIGIN,
  compatibleTestClient,
  VERTEX_TEST_ORIGIN,
  VERTEX_TEST_REGION,
  vertexPath,
  vertexTestClient,
} from '../helpers/cloud-clients.js';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIError, openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { writeTempFile } from '../helpers/temp-file.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'c1oud'.replace(/[^0-9a-f]/g, 'c').padEnd(40, '0');
const PATCH = ['@@ -1,2 +1,3 @@', ' export const a = 1;', '+export const b = 2;', ' '].join('\n');

/** A PRICES_FILE with an OpenRouter model, as an operator would add one. */
const pricesFile = (): string =>
  writeTempFile(
    'prices.json',
    JSON.stringify({
      version: '2026-12-acme',
      effectiveDate: '2026-12-01',
      providers: {
        'openai-compatible': {
          models: {
            'deepseek/deepseek-v3.2': {
              input: 0.28,
              cachedInput: 0.028,
              cacheWrite5m: null,
              cacheWrite1h: null,
              output: 0.42,
            },
          },
        },
      },
    }),
  );

let app: TestApp;

useTestApp(
  () => ({
    now: () => new Date('2026-12-06T10:00:00.000Z'),
    prices: loadPriceTable({ overridePath: pricesFile() }),
    providers: {
      'azure-openai': createOpenAIProvider({ id: 'azure-openai', client: azureTestClient() }),
      bedrock: createAnthropicProvider({ id: 'bedrock', client: bedrockTestClient() }),
      vertex: createAnthropicProvider({
        id: 'vertex',
        region: VERTEX_TEST_REGION,
        client: vertexTestClient(),
      }),
      'openai-compatible': createOpenAIChatProvider({ client: compatibleTestClient() }),
    },
  }),
  (started) => {
    app = started;
  },
);

const fastOn = (spec: string) => `models:\n  fast: { ${spec} }\n`;

/** Delivers one opened pull request whose policy sends it to the fast tier's `spec`. */
const review = async (spec: string, provider: () => nock.Scope) => {
  const pull = pullRequestObject({ headSha: HEAD });
  const github = mockPullRequest({
    pull,
    policy: fastOn(spec),
    files: [prFile('src/a.ts', PATCH)],
  });
  const checks = mockChecks(github.sent);
  const posted = mockReview(github.sent);
  const model = provider();
  await app.probot.receive({
    id: 'delivery-cloud',
    name: 'pull_request',
    payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
  });
  await app.queue.idle();
  expect(app.errors).toEqual([]);
  github.scope.done();
  checks.done();
  posted.done();
  model.done();
  const rows = await app.ledger.list();
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

// Default usage of the test bodies: Responses 5,200 in (4,096 cached), 1,400 out; Messages 3,200 in,
// 4,800 cache reads, 1,600 + 500 cache writes (5 min, 1 h), 2,900 out; Chat 6,100 in (2,048 cached), 1,250 out.
const RESPONSES_AT = (input: number, cached: number, output: number) =>
  (1_104 * input + 4_096 * cached + 1_400 * output) / 1e6;
const MESSAGES_AT = (
  input: number,
  read: number,
  write5m: number,
  write1h: number,
  output: number,
) => (3_200 * input + 4_800 * read + 1_600 * write5m + 500 * write1h + 2_900 * output) / 1e6;

describe('reviews through every provider, priced at that provider', () => {
  it('Azure OpenAI: the deployment named as the model, priced at its row', async () => {
    const row = await review('provider: azure-openai, model: gpt-5.3-codex, effort: low', () =>
      nock(AZURE_TEST_ENDPOINT, { reqheaders: { 'api-key': 'test-key' } })
        .post('/openai/responses', (body: { model?: string }) => body.model === 'gpt-5.3-codex')
        .query({ 'api-version': AZURE_TEST_API_VERSION })
        .reply(200, openAIResponse({ answer: modelAnswer() })),
    );
    expect(row).toMatchObject({
      provider: 'azure-openai',
      model: 'gpt-5.3-codex',
      outcome: 'posted',
      serviceTier: 'default',
      discount: null,
      batch: false,
    });
    expect(row.costUsd).toBeCloseTo(RESPONSES_AT(1.75, 0.175, 14), 9);
  });

  it('Bedrock: a US inference profile, SigV4-signed, at the regional price', async () => {
    const model = 'us.anthropic.claude-opus-4-6-v1';
    const row = await review(`provider: bedrock, model: ${model}, effort: low`, () =>
      nock(BEDROCK_TEST_ORIGIN, { reqheaders: { authorization: SIGV4 } })
        .post(`/model/${model}/invoke`)
        .reply(200, anthropicMessage({ answer: modelAnswer() })),
    );
    expect(row).toMatchObject({
      provider: 'bedrock',
      model,
      outcome: 'posted',
      serviceTier: 'standard',
    });
    expect(row.costUsd).toBeCloseTo(MESSAGES_AT(5.5, 0.55, 6.875, 11, 27.5), 9);
  });

  it('Vertex AI: a regional endpoint at 1.1 times the list price', async () => {
    const row = await review('provider: vertex, model: claude-sonnet-4-6, effort: low', () =>
      nock(VERTEX_TEST_ORIGIN)
        .post(vertexPath('claude-sonnet-4-6'))
        .reply(200, anthropicMessage({ answer: modelAnswer(), model: 'claude-sonnet-4-6' })),
    );
    expect(row).toMatchObject({
      provider: 'vertex',
      model: 'claude-sonnet-4-6',
      outcome: 'posted',
    });
    expect(row.costUsd).toBeCloseTo(MESSAGES_AT(3, 0.3, 3.75, 6, 15) * 1.1, 9);
  });

  it('an OpenAI-compatible server: priced from the PRICES_FILE row the operator added', async () => {
    const model = 'deepseek/deepseek-v3.2';
    const row = await review(`provider: openai-compatible, model: ${model}, effort: low`, () =>
      nock(COMPATIBLE_TEST_ORIGIN)
        .post('/v1/chat/completions')
        .reply(200, chatCompletion({ answer: modelAnswer(), model })),
    );
    expect(row).toMatchObject({
      provider: 'openai-compatible',
      model,
      outcome: 'posted',
      priceVersion: '2026-12-acme',
    });
    expect(row.costUsd).toBeCloseTo((4_052 * 0.28 + 2_048 * 0.028 + 1_250 * 0.42) / 1e6, 9);
  });

  it("an OpenAI-compatible server that reports no usage: recorded with the app's own counts", async () => {
    const model = 'deepseek/deepseek-v3.2';
    const withoutUsage = chatCompletion({ answer: modelAnswer(), model });
    delete withoutUsage['usage'];
    const row = await review(`provider: openai-compatible, model: ${model}, effort: low`, () =>
      nock(COMPATIBLE_TEST_ORIGIN).post('/v1/chat/completions').reply(200, withoutUsage),
    );
    expect(row).toMatchObject({ provider: 'openai-compatible', model, outcome: 'posted' });
    expect(row.inputTokens).toBeGreaterThan(1_000);
    expect(row.outputTokens).toBeGreaterThan(10);
    expect(row.costUsd).toBeCloseTo((row.inputTokens * 0.28 + row.outputTokens * 0.42) / 1e6, 9);
  });

  it('OpenAI flex: served by flex, recorded as such and priced at half', async () => {
    const row = await review(
      'provider: openai, model: gpt-5.3-codex, effort: low, service_tier: flex',
      () =>
        nock(OPENAI_TEST_ORIGIN)
          .post('/v1/responses', (body: { service_tier?: string }) => body.service_tier === 'flex')
          .reply(200, { ...openAIResponse({ answer: modelAnswer() }), service_tier: 'flex' }),
    );
    expect(row).toMatchObject({
      provider: 'openai',
      serviceTier: 'flex',
      discount: 'flex',
      batch: false,
    });
    expect(row.costUsd).toBeCloseTo(RESPONSES_AT(1.75, 0.175, 14) / 2, 9);
  });

  it('OpenAI flex without capacity: answered on the standard tier and priced in full', async () => {
    const row = await review(
      'provider: openai, model: gpt-5.3-codex, effort: low, service_tier: flex',
      () =>
        nock(OPENAI_TEST_ORIGIN)
          .post('/v1/responses', (body: { service_tier?: string }) => body.service_tier === 'flex')
          .reply(429, openAIError('Resource Unavailable', 'server_error', 'resource_unavailable'))
          .post(
            '/v1/responses',
            (body: { service_tier?: string }) => body.service_tier === 'default',
          )
          .reply(200, openAIResponse({ answer: modelAnswer() })),
    );
    expect(row).toMatchObject({
      provider: 'openai',
      outcome: 'posted',
      serviceTier: 'default',
      discount: null,
    });
    expect(row.costUsd).toBeCloseTo(RESPONSES_AT(1.75, 0.175, 14), 9);
  });
});
