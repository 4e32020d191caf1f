import { describe, expect, it } from 'vitest';
import { emptyUsage } from '../domain/usage.js';
import {
  answerFailure,
  httpFailure,
  readRetryAfterMs,
  transportFailure,
} from './provider-failure.js';

describe('httpFailure', () => {
  it.each([
    [429, 'rate-limited', true],
    [529, 'overloaded', true],
    [500, 'server-error', true],
    [503, 'server-error', true],
    [408, 'timeout', true],
    [409, 'bad-request', true],
    [400, 'bad-request', false],
    [404, 'bad-request', false],
    [413, 'bad-request', false],
    [401, 'auth', false],
    [402, 'auth', false],
    [403, 'auth', false],
  ] as const)('maps HTTP %i to %s (retryable: %s)', (status, kind, retryable) => {
    const failure = httpFailure({
      provider: 'openai',
      status,
      headers: new Headers(),
      message: `${status} nope`,
    });

    expect(failure).toMatchObject({ kind, retryable, status, usage: null, rawAnswer: null });
    expect(failure).not.toHaveProperty('retryAfterMs');
  });

  it('treats an error the SDK calls overloaded as overloaded whatever its status', () => {
    const failure = httpFailure({
      provider: 'anthropic',
      status: 503,
      headers: undefined,
      message: '503 overloaded',
      overloaded: true,
    });

    expect(failure.kind).toBe('overloaded');
  });

  it('tells the operator which key to check on an auth failure', () => {
    const failure = httpFailure({
      provider: 'anthropic',
      status: 401,
      headers: undefined,
      message: '401 invalid x',
    });

    expect(failure.message).toBe(
      "Anthropic rejected the credentials: 401 invalid x. To resolve, check ANTHROPIC_API_KEY and the account's access to the model",
    );
  });
  it.each([
    ['bedrock', '400 prompt is too long: 215000 tokens > 200000 maximum'],
    [
      'azure-openai',
      "400 This model's maximum context length is 128000 tokens (context_length_exceeded)",
    ],
    ['openai-compatible', "400 This model's maximum context length is 32768 tokens."],
  ] as const)(
    'on a %s prompt over the context window, points at MAX_INPUT_TOKENS',
    (provider, message) => {
      const failure = httpFailure({ provider, status: 400, headers: undefined, message });
      expect(failure).toMatchObject({ kind: 'bad-request', retryable: false });
      expect(failure.message).toContain(
        "To resolve, set MAX_INPUT_TOKENS below the model's context window",
      );
      expect(failure.message).not.toMatch(/model ID|deployment|ollama pull/);
    },
  );

  it('keeps the model advice for another bad request', () => {
    const failure = httpFailure({
      provider: 'bedrock',
      status: 400,
      headers: undefined,
      message: '400 The provided model identifier is invalid.',
    });
    expect(failure.message).toContain('To resolve, check the Bedrock model ID');
  });

  it('leaves out the part of the key an OpenAI 401 quotes: the message reaches the check run', () => {
    const failure = httpFailure({
      provider: 'openai',
      status: 401,
      headers: undefined,
      message:
        '401 Incorrect API key provided: sk-proj-****************************Ab1z. You can find your API key at https://platform.openai.com/account/api-keys.',
    });

    expect(failure.message).toContain('Incorrect API key provided: sk-…. You can find');
    expect(failure.message).not.toContain('Ab1z');
  });
});

describe('readRetryAfterMs', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');

  it.each([
    [{ 'retry-after-ms': '1500' }, 1_500],
    [{ 'retry-after-ms': '1500', 'retry-after': '9' }, 1_500],
    [{ 'retry-after': '20' }, 20_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after': 'Sat, 21 Nov 2026 12:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Sat, 21 Nov 2026 11:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, null],
    [{}, null],
  ])('reads %o as %s ms', (headers, expected) => {
    expect(readRetryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('answerFailure and transportFailure', () => {
  it('keeps the usage and raw text of an unusable answer', () => {
    const usage = { ...emptyUsage('openai'), inputTokens: 10 };
    const failure = answerFailure({
      provider: 'openai',
      kind: 'invalid-answer',
      message: 'x: bad',
      usage,
      rawAnswer: '{}',
    });

    expect(failure).toEqual({
      kind: 'invalid-answer',
      provider: 'openai',
      message: 'OpenAI returned an answer that fails the review schema: x: bad',
      status: null,
      usage,
      rawAnswer: '{}',
      retryable: false,
    });
  });

  it('marks timeouts and lost connections retryable', () => {
    expect(transportFailure('anthropic', 'timeout', 'Request timed out.').retryable).toBe(true);
    expect(transportFailure('openai', 'connection', 'Connection error.').retryable).toBe(true);
  });
});
