import OpenAI from 'openai';
import { Headers as UndiciHeaders } from 'undici';
import { describe, expect, it } from 'vitest';
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
