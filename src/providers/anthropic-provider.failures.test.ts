import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import {
  ANTHROPIC_TEST_BASE_URL,
  anthropicMessage,
} from '../../test/helpers/anthropic-messages.js';
import { neverAnswers } from '../../test/helpers/never-answers.js';
import { ReviewDeadlinePassed } from '../domain/review-deadline-passed.js';
import { createAnthropicProvider } from './anthropic-provider.js';
import { expectMessage, provider, request, useNock } from './test-anthropic-provider.js';

useNock();

describe('createAnthropicProvider', () => {
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
