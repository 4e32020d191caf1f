/** OpenAI's flex tier with its one standard retry, and JSON mode for servers without JSON schema. */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletion,
  COMPATIBLE_TEST_ORIGIN,
  compatibleTestClient,
} from '../../test/helpers/cloud-clients.js';
import { finding, modelAnswer } from '../../test/helpers/model-answers.js';
import {
  OPENAI_TEST_ORIGIN,
  openAIError,
  openAIResponse,
  openAITestClient,
} from '../../test/helpers/openai-responses.js';
import { createOpenAIChatProvider } from './openai-chat-provider.js';
import { createOpenAIProvider } from './openai-provider.js';
import type { ReviewRequest } from './types.js';

const standardRequest: ReviewRequest = {
  model: 'gpt-5.3-codex',
  effort: 'low',
  system: 'You are review-router.',
  repositoryContext: '# This repository',
  prompt: 'Review pull request #42.',
  maxOutputTokens: 16_000,
  cacheKey: 'review-router:acme/widgets',
  timeoutMs: 60_000,
};
const request: ReviewRequest = { ...standardRequest, serviceTier: 'flex' };

type Body = {
  service_tier?: string;
  response_format?: { type: string };
  messages?: { content: string }[];
};

/** Records each request body sent to `path`, answering with each reply in turn. */
const expectCalls = (
  origin: string,
  path: string,
  replies: [number, Record<string, unknown>][],
) => {
  const bodies: Body[] = [];
  let scope = nock(origin);
  for (const [status, reply] of replies) {
    scope = scope
      .post(path, (body: Body) => {
        bodies.push(body);
        return true;
      })
      .reply(status, reply);
  }
  return { scope, bodies };
};

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('the flex tier', () => {
  it('asks for flex and says the flex tier served the answer', async () => {
    const { scope, bodies } = expectCalls(OPENAI_TEST_ORIGIN, '/v1/responses', [
      [200, { ...openAIResponse({ answer: modelAnswer() }), service_tier: 'flex' }],
    ]);

    const result = await createOpenAIProvider({ client: openAITestClient() }).review(request);

    scope.done();
    expect(bodies.map((body) => body.service_tier)).toEqual(['flex']);
    expect(result).toMatchObject({ ok: true, value: { usage: { serviceTier: 'flex' } } });
  });

  it('asks once more on the standard tier when flex has no capacity, and prices what served it', async () => {
    const { scope, bodies } = expectCalls(OPENAI_TEST_ORIGIN, '/v1/responses', [
      [
        429,
        openAIError(
          'Resource Unavailable: flex capacity is exhausted, try again later.',
          'server_error',
          'resource_unavailable',
        ),
      ],
      [200, openAIResponse({ answer: modelAnswer() })],
    ]);

    const result = await createOpenAIProvider({ client: openAITestClient() }).review(request);

    scope.done();
    expect(bodies.map((body) => body.service_tier)).toEqual(['flex', 'default']);
    expect(result).toMatchObject({ ok: true, value: { usage: { serviceTier: 'default' } } });
  });

  it("does not retry an account's rate limit on the standard tier, which would hit it too", async () => {
    const { scope, bodies } = expectCalls(OPENAI_TEST_ORIGIN, '/v1/responses', [
      [
        429,
        openAIError(
          'Rate limit reached for gpt-5.3-codex on tokens per min.',
          'requests',
          'rate_limit_exceeded',
        ),
      ],
    ]);

    const result = await createOpenAIProvider({ client: openAITestClient() }).review(request);

    scope.done();
    expect(bodies).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryable: true } });
  });

  it('sends no service tier when the policy asks for none', async () => {
    const { scope, bodies } = expectCalls(OPENAI_TEST_ORIGIN, '/v1/responses', [
      [200, openAIResponse({ answer: modelAnswer() })],
    ]);
    await createOpenAIProvider({ client: openAITestClient() }).review(standardRequest);

    scope.done();
    expect(bodies[0]).not.toHaveProperty('service_tier');
  });
});

describe('an OpenAI-compatible server', () => {
  const compatible = { ...request, model: 'qwen2.5-coder:32b' };

  it('asks for the JSON-schema response format and reads usage as OpenAI counts it', async () => {
    const { scope, bodies } = expectCalls(COMPATIBLE_TEST_ORIGIN, '/v1/chat/completions', [
      [
        200,
        chatCompletion({ answer: modelAnswer(), usage: { promptTokens: 900, cachedTokens: 300 } }),
      ],
    ]);

    const result = await createOpenAIChatProvider({ client: compatibleTestClient() }).review(
      compatible,
    );

    scope.done();
    expect(bodies[0]?.response_format?.type).toBe('json_schema');
    expect(result).toMatchObject({
      ok: true,
      value: {
        answer: modelAnswer(),
        usage: { provider: 'openai-compatible', inputTokens: 900, cachedInputTokens: 300 },
      },
    });
  });

  it('sends the code context as the other providers do: a user message before the pull request', async () => {
    const { scope, bodies } = expectCalls(COMPATIBLE_TEST_ORIGIN, '/v1/chat/completions', [
      [200, chatCompletion({ answer: modelAnswer() })],
    ]);

    await createOpenAIChatProvider({ client: compatibleTestClient() }).review({
      ...compatible,
      context: '<<<PR DATA f00d: file "src/util.ts">>>\nexport const compute = 1;',
    });

    scope.done();
    const messages = (bodies[0]?.messages ?? []) as { role?: string; content: string }[];
    expect(messages.map((message) => message.role)).toEqual(['system', 'system', 'user', 'user']);
    expect(messages[2]?.content).toContain('export const compute = 1;');
    expect(messages[3]?.content).toBe('Review pull request #42.');
  });

  it('falls back to JSON mode, with the schema in the instructions, for a server that refuses JSON schema', async () => {
    const { scope, bodies } = expectCalls(COMPATIBLE_TEST_ORIGIN, '/v1/chat/completions', [
      [
        400,
        openAIError(
          "Invalid value for 'response_format': json_schema is not supported by this model.",
        ),
      ],
      [200, chatCompletion({ answer: modelAnswer() })],
      [200, chatCompletion({ answer: modelAnswer() })],
    ]);
    const provider = createOpenAIChatProvider({ client: compatibleTestClient() });

    const first = await provider.review(compatible);
    const second = await provider.review(compatible);

    scope.done();
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(bodies.map((body) => body.response_format?.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
    expect(bodies[1]?.messages?.some((message) => message.content.includes('"findings"'))).toBe(
      true,
    );
  });

  it('validates a JSON-mode answer, keeping the text for the one repair', async () => {
    const invalid = modelAnswer({ findings: [{ ...finding(), severity: 'blocker' as 'error' }] });
    const { scope } = expectCalls(COMPATIBLE_TEST_ORIGIN, '/v1/chat/completions', [
      [200, chatCompletion({ answer: invalid })],
    ]);

    const result = await createOpenAIChatProvider({ client: compatibleTestClient() }).review(
      compatible,
    );

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-answer',
        rawAnswer: JSON.stringify(invalid),
        usage: { inputTokens: 6_100 },
      },
    });
  });
});
