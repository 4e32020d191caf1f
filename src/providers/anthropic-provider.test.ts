import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ANTHROPIC_TEST_BASE_URL,
  anthropicMessage,
  anthropicTestClient,
} from '../../test/helpers/anthropic-messages.js';
import { modelAnswer } from '../../test/helpers/model-answers.js';
import { neverAnswers } from '../../test/helpers/never-answers.js';
import { ReviewDeadlinePassed } from '../domain/review-deadline-passed.js';
import { ModelAnswer } from '../review/schema.js';
import { createAnthropicProvider } from './anthropic-provider.js';
import type { ReviewRequest } from './types.js';

const request: ReviewRequest = {
  model: 'claude-opus-4-6',
  effort: 'high',
  system: 'You are review-router.',
  repositoryContext: '# This repository\n\n- Report at most 25 findings.',
  prompt: 'Review pull request #42.',
  // Above the SDK's non-streaming limit: only an explicit timeout lets it through.
  maxOutputTokens: 32_000,
  cacheKey: 'review-router:acme/widgets',
  timeoutMs: 300_000,
};

const provider = () => createAnthropicProvider({ client: anthropicTestClient() });

/** Captures the body of the one expected `POST /v1/messages`. */
const expectMessage = (reply: Record<string, unknown>) => {
  const sent: { body?: Record<string, unknown> } = {};
  const scope = nock(ANTHROPIC_TEST_BASE_URL)
    .post('/v1/messages', (body: Record<string, unknown>) => {
      sent.body = body;
      return true;
    })
    .reply(200, reply, { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' });
  return { scope, sent };
};

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('createAnthropicProvider', () => {
  it('sends the exact Messages body with adaptive thinking, effort, format and a cached system', async () => {
    let body: unknown;
    const scope = nock(ANTHROPIC_TEST_BASE_URL)
      .matchHeader('authorization', 'Bearer test-key')
      .matchHeader('anthropic-version', '2026-10-21')
      .matchHeader('x-api-key', (value) => value === null)
      .post('/v1/messages', (sent: unknown) => {
        body = sent;
        return true;
      })
      .reply(200, anthropicMessage({ answer: modelAnswer() }));

    const result = await provider().review(request);

    scope.done();
    expect(body).toEqual({
      model: 'claude-opus-4-6',
      max_tokens: 32_000,
      system: [
        { type: 'text', text: 'You are review-router.' },
        {
          type: 'text',
          text: '# This repository\n\n- Report at most 25 findings.',
          cache_control: { type: 'ephemeral' },
        },
      ],
      messages: [{ role: 'user', content: 'Review pull request #42.' }],
      thinking: { type: 'adaptive' },
      output_config: {
        effort: 'high',
        format: JSON.parse(JSON.stringify(zodOutputFormat(ModelAnswer))),
      },
    });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('tool_choice');
    expect(result.ok).toBe(true);
  });

  it('returns the validated answer and maps every usage field as reported', async () => {
    const { scope } = expectMessage(
      anthropicMessage({
        answer: modelAnswer(),
        usage: {
          inputTokens: 3_200,
          cacheReadTokens: 4_800,
          cacheWrite5mTokens: 1_600,
          cacheWrite1hTokens: 500,
          outputTokens: 2_900,
          thinkingTokens: 1_800,
          inferenceGeo: 'us',
        },
      }),
    );

    const result = await provider().review(request);

    scope.done();
    expect(result).toEqual({
      ok: true,
      value: {
        answer: modelAnswer(),
        model: 'claude-opus-4-6',
        requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy',
        usage: {
          provider: 'anthropic',
          inputTokens: 3_200,
          cachedInputTokens: 4_800,
          cacheWriteTokens: 2_100,
          cacheWrite5mTokens: 1_600,
          cacheWrite1hTokens: 500,
          outputTokens: 2_900,
          reasoningTokens: 1_800,
          inferenceGeo: 'us',
        },
      },
    });
  });

  it('records zero reasoning tokens when the thinking count is null', async () => {
    const { scope } = expectMessage(
      anthropicMessage({ answer: modelAnswer(), usage: { thinkingTokens: null } }),
    );

    const result = await provider().review(request);

    scope.done();
    expect(result).toMatchObject({
      ok: true,
      value: { usage: { reasoningTokens: 0, outputTokens: 2_900 } },
    });
  });

  it.each([
    ['claude-opus-4-6', 'minimal', 'low'],
    ['claude-opus-4-6', 'none', 'low'],
    ['claude-opus-4-6', 'medium', 'medium'],
    ['claude-opus-4-6', 'xhigh', 'max'],
    ['claude-opus-4-6', 'max', 'max'],
    ['claude-opus-5-5', 'xhigh', 'xhigh'],
  ] as const)('sends %s effort %s as %s', async (model, effort, sent) => {
    const { scope, sent: captured } = expectMessage(
      anthropicMessage({ answer: modelAnswer(), model }),
    );

    await provider().review({ ...request, model, effort });

    scope.done();
    expect(captured.body?.['output_config']).toMatchObject({ effort: sent });
    expect(captured.body?.['thinking']).toEqual({ type: 'adaptive' });
  });

  it('sends neither adaptive thinking nor effort to a model older than 4.6', async () => {
    const { scope, sent } = expectMessage(
      anthropicMessage({ answer: modelAnswer(), model: 'claude-haiku-4-5-20251001' }),
    );

    await provider().review({ ...request, model: 'claude-haiku-4-5-20251001' });

    scope.done();
    expect(sent.body).not.toHaveProperty('thinking');
    expect(sent.body?.['output_config']).not.toHaveProperty('effort');
    expect(sent.body?.['output_config']).toHaveProperty('format');
  });

  it('puts the cache breakpoint on the system block when there is no repository context', async () => {
    const { scope, sent } = expectMessage(anthropicMessage({ answer: modelAnswer() }));

    await provider().review({ ...request, repositoryContext: '' });

    scope.done();
    expect(sent.body?.['system']).toEqual([
      { type: 'text', text: 'You are review-router.', cache_control: { type: 'ephemeral' } },
    ]);
  });

  it('reports stop_reason max_tokens as incomplete, keeping usage and the partial text', async () => {
    const { scope } = expectMessage(
      anthropicMessage({ answer: '{"summary": "Adds a', stopReason: 'max_tokens' }),
    );

    const result = await provider().review(request);

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'incomplete',
        retryable: false,
        rawAnswer: '{"summary": "Adds a',
        usage: { provider: 'anthropic', outputTokens: 2_900 },
      },
    });
  });

  it('reports stop_reason refusal as refused with the explanation and the usage', async () => {
    const { scope } = expectMessage(anthropicMessage({ answer: '', stopReason: 'refusal' }));

    const result = await provider().review(request);

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'refused', retryable: false, usage: { inputTokens: 3_200 } },
    });
    expect(!result.ok && result.error.message).toContain('The request could enable cyber harm.');
  });

  describe('when the call is aborted', () => {
    const stalled = () =>
      createAnthropicProvider({
        client: new Anthropic({
          apiKey: 'test-key',
          baseURL: ANTHROPIC_TEST_BASE_URL,
          maxRetries: 0,
          fetch: neverAnswers,
        }),
      });

    it('reports the review deadline passing as a timeout that is not retried, and says so', async () => {
      const deadline = new AbortController();
      setTimeout(() => deadline.abort(new ReviewDeadlinePassed(20 * 60_000)), 50);

      const result = await stalled().review({ ...request, signal: deadline.signal });

      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({
          kind: 'timeout',
          provider: 'anthropic',
          status: null,
          usage: null,
          retryable: false,
        }),
      });
      expect(!result.ok && result.error.message).toContain(
        "The review's total deadline (20 min) passed while Anthropic was answering",
      );
    });

    it('throws an abort that is not the review deadline back to the caller', async () => {
      const caller = new AbortController();
      setTimeout(() => caller.abort(new Error('shutting down')), 50);

      await expect(stalled().review({ ...request, signal: caller.signal })).rejects.toBeInstanceOf(
        Anthropic.APIUserAbortError,
      );
    });
  });
});
