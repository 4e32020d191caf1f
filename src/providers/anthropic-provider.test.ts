import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  ANTHROPIC_TEST_BASE_URL,
  anthropicMessage,
} from '../../test/helpers/anthropic-messages.js';
import { modelAnswer } from '../../test/helpers/model-answers.js';
import { ModelAnswer } from '../review/schema.js';
import { expectMessage, provider, request, useNock } from './test-anthropic-provider.js';

useNock();

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
          serviceTier: 'standard',
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
});
