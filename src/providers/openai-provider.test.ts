import nock from 'nock';
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ReviewDeadlinePassed } from '../domain/review-deadline-passed.js';
import { ModelAnswer } from '../review/schema.js';
import { modelAnswer } from '../../test/helpers/model-answers.js';
import { neverAnswers } from '../../test/helpers/never-answers.js';
import {
  OPENAI_TEST_BASE_URL,
  OPENAI_TEST_ORIGIN,
  openAIError,
  openAIResponse,
  openAITestClient,
} from '../../test/helpers/openai-responses.js';
import { createOpenAIProvider } from './openai-provider.js';
import type { ReviewRequest } from './types.js';

const request: ReviewRequest = {
  model: 'gpt-5.3-codex',
  effort: 'low',
  system: 'You are review-router.',
  repositoryContext: '# This repository\n\n- Report at most 25 findings.',
  prompt: 'Review pull request #42.',
  maxOutputTokens: 16_000,
  cacheKey: 'review-router:acme/widgets',
  timeoutMs: 120_000,
};

const provider = () => createOpenAIProvider({ client: openAITestClient() });

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('createOpenAIProvider', () => {
  it('sends one Responses API request with the exact body and a bearer key', async () => {
    let body: unknown;
    const scope = nock(OPENAI_TEST_ORIGIN)
      .matchHeader('authorization', 'Bearer test-key')
      .matchHeader('content-type', 'application/json')
      .post('/v1/responses', (sent: unknown) => {
        body = sent;
        return true;
      })
      .reply(200, openAIResponse({ answer: modelAnswer() }), { 'x-request-id': 'req_abc123' });

    const result = await provider().review(request);

    scope.done();
    expect(body).toEqual({
      model: 'gpt-5.3-codex',
      instructions: 'You are review-router.',
      input: [
        { role: 'developer', content: '# This repository\n\n- Report at most 25 findings.' },
        { role: 'user', content: 'Review pull request #42.' },
      ],
      reasoning: { effort: 'low' },
      text: { format: JSON.parse(JSON.stringify(zodTextFormat(ModelAnswer, 'review'))) },
      max_output_tokens: 16_000,
      store: false,
      prompt_cache_key: 'review-router:acme/widgets',
    });
    expect(body).toMatchObject({
      text: { format: { type: 'json_schema', name: 'review', strict: true } },
    });
    expect(result.ok).toBe(true);
  });

  it('returns the validated answer, the model, the request id and the usage as reported', async () => {
    const scope = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(
        200,
        openAIResponse({
          answer: modelAnswer(),
          model: 'gpt-5.3-codex-2026-09-01',
          usage: {
            inputTokens: 5_200,
            cachedTokens: 4_096,
            outputTokens: 1_400,
            reasoningTokens: 960,
          },
        }),
        { 'x-request-id': 'req_abc123' },
      );

    const result = await provider().review(request);

    scope.done();
    expect(result).toEqual({
      ok: true,
      value: {
        answer: modelAnswer(),
        model: 'gpt-5.3-codex-2026-09-01',
        requestId: 'req_abc123',
        usage: {
          provider: 'openai',
          inputTokens: 5_200,
          cachedInputTokens: 4_096,
          cacheWriteTokens: 0,
          cacheWrite5mTokens: 0,
          cacheWrite1hTokens: 0,
          outputTokens: 1_400,
          reasoningTokens: 960,
          inferenceGeo: null,
          serviceTier: 'default',
        },
      },
    });
  });

  it('reads a completed response that leaves incomplete_details out (a proxy may) as complete', async () => {
    const response: Record<string, unknown> = { ...openAIResponse({ answer: modelAnswer() }) };
    delete response['incomplete_details'];
    const scope = nock(OPENAI_TEST_ORIGIN).post('/v1/responses').reply(200, response);

    const result = await provider().review(request);

    scope.done();
    expect(result).toMatchObject({ ok: true, value: { answer: modelAnswer() } });
  });

  it('leaves the developer message out when the repository context is empty', async () => {
    let body: { input?: unknown } = {};
    const scope = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses', (sent: { input?: unknown }) => {
        body = sent;
        return true;
      })
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    await provider().review({ ...request, repositoryContext: '' });

    scope.done();
    expect(body.input).toEqual([{ role: 'user', content: 'Review pull request #42.' }]);
  });

  it('reports an answer cut off at max_output_tokens as incomplete, with its usage', async () => {
    const scope = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(
        200,
        openAIResponse({
          answer: '{"summary": "Adds a',
          status: 'incomplete',
          incompleteReason: 'max_output_tokens',
          usage: { outputTokens: 16_000, reasoningTokens: 15_800 },
        }),
      );

    const result = await provider().review(request);

    scope.done();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'incomplete',
      retryable: false,
      rawAnswer: '{"summary": "Adds a',
      usage: { outputTokens: 16_000, reasoningTokens: 15_800 },
    });
    expect(result.error.message).toContain('max_output_tokens');
  });

  it('reports a refusal as refused, with its usage', async () => {
    const scope = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: '', refusal: 'I cannot help with that.' }));

    const result = await provider().review(request);

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'refused', retryable: false, usage: { inputTokens: 5_200 } },
    });
    expect(!result.ok && result.error.message).toContain('I cannot help with that.');
  });

  it('maps 401 to auth and says which variable to check', async () => {
    const scope = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(
        401,
        openAIError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
      );

    const result = await provider().review(request);

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'auth', status: 401, retryable: false },
    });
    expect(!result.ok && result.error.message).toContain('OPENAI_API_KEY');
  });

  it('maps 400 to a bad request that is not retried', async () => {
    const scope = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(400, openAIError("Unsupported value: 'xhigh' is not supported with this model."));

    const result = await provider().review({ ...request, effort: 'xhigh' });

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'bad-request', status: 400, retryable: false },
    });
  });

  describe('when the call is aborted', () => {
    const stalled = () =>
      createOpenAIProvider({
        client: new OpenAI({
          apiKey: 'test-key',
          baseURL: OPENAI_TEST_BASE_URL,
          maxRetries: 0,
          fetch: neverAnswers,
        }),
      });

    it('reports the review deadline passing as a timeout that is not retried, and says so', async () => {
      const deadline = new AbortController();
      setTimeout(() => deadline.abort(new ReviewDeadlinePassed(500)), 50);

      const result = await stalled().review({ ...request, signal: deadline.signal });

      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({
          kind: 'timeout',
          provider: 'openai',
          status: null,
          usage: null,
          retryable: false,
        }),
      });
      expect(!result.ok && result.error.message).toContain(
        "The review's total deadline (0.5 s) passed while OpenAI was answering",
      );
    });

    it('throws an abort that is not the review deadline back to the caller', async () => {
      const caller = new AbortController();
      setTimeout(() => caller.abort(new Error('shutting down')), 50);

      await expect(stalled().review({ ...request, signal: caller.signal })).rejects.toBeInstanceOf(
        OpenAI.APIUserAbortError,
      );
    });
  });
});
