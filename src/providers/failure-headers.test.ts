import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { Headers as UndiciHeaders } from 'undici';
import { describe, expect, it } from 'vitest';
import { toAnthropicFailure } from './anthropic-failure.js';
import { toOpenAIFailure } from './openai-failure.js';

describe('a rate limit answered through the transport', () => {
  it("reads retry-after from the undici package's Headers, which are not the global class", () => {
    const headers = new UndiciHeaders({ 'retry-after': '3' });
    expect(headers instanceof Headers).toBe(false);
    const error = OpenAI.APIError.generate(
      429,
      { error: { message: 'slow down' } },
      'slow down',
      headers,
    );
    const failure = toOpenAIFailure(error, {}, 'azure-openai');
    expect(failure).toMatchObject({ kind: 'rate-limited', retryAfterMs: 3_000 });
    expect(failure.message).toContain('(retry after 3 s)');
  });
});

describe("Bedrock's errors, named in a header", () => {
  const bedrockError = (status: number, type: string, message: string) =>
    Anthropic.APIError.generate(
      status,
      { message },
      message,
      new Headers({
        'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      }),
    );

  it('retries a service quota exceeded, which AWS answers 400 but says to resubmit later', () => {
    const failure = toAnthropicFailure(
      bedrockError(400, 'ServiceQuotaExceededException', 'Too many tokens per day'),
      {},
      'bedrock',
    );
    expect(failure).toMatchObject({ kind: 'rate-limited', retryable: true, status: 400 });
    expect(failure.message).not.toContain('check the Bedrock model ID');
  });

  it("counts a 424 ModelErrorException as the model's failure, not a bad request", () => {
    const failure = toAnthropicFailure(
      bedrockError(424, 'ModelErrorException', 'The model failed to process the request'),
      {},
      'bedrock',
    );
    expect(failure).toMatchObject({ kind: 'server-error', retryable: true });
  });

  it('leaves a validation error a bad request', () => {
    const failure = toAnthropicFailure(
      bedrockError(400, 'ValidationException', 'The provided model identifier is invalid.'),
      {},
      'bedrock',
    );
    expect(failure).toMatchObject({ kind: 'bad-request', retryable: false });
  });
});

describe('an answer whose connection closed while it was read', () => {
  it('is a lost connection, retryable, not an answer of the wrong shape', () => {
    const failure = toOpenAIFailure(new TypeError('terminated'), {}, 'openai-compatible');
    expect(failure).toMatchObject({ kind: 'connection', retryable: true, status: null });
    expect(failure.message).toContain('the connection closed while its answer was being read');
  });
});
