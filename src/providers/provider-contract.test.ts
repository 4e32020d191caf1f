/** One contract, every adapter: what the worker relies on whichever provider answers. */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { finding, modelAnswer } from '../../test/helpers/model-answers.js';
import { HARNESSES, type Harness } from './test-provider-harnesses.js';
import type { ReviewRequest } from './types.js';

/** A fetch that waits until the SDK aborts it, as a stalled provider would. */
const neverAnswers: typeof globalThis.fetch = (_url, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => {
      reject(new DOMException('This operation was aborted', 'AbortError'));
    });
  });

/** A fetch that fails the way undici does when nothing listens at the address. */
const refusesConnection: typeof globalThis.fetch = () =>
  Promise.reject(
    new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    }),
  );

const requestFor = (harness: Harness): ReviewRequest => ({
  model: harness.model,
  effort: 'high',
  system: 'You are review-router.',
  repositoryContext: '# This repository',
  prompt: 'Review pull request #42.',
  maxOutputTokens: 16_000,
  cacheKey: 'review-router:acme/widgets',
  timeoutMs: 60_000,
});

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe.each(HARNESSES)('the $id provider', (harness) => {
  it('answers with the validated answer and says which provider counted the usage', async () => {
    const scope = harness.endpoint().reply(200, harness.answer(modelAnswer()));

    const result = await harness.create().review(requestFor(harness));

    scope.done();
    expect(result).toMatchObject({
      ok: true,
      value: {
        answer: modelAnswer(),
        usage: { provider: harness.id, inputTokens: harness.inputTokens },
      },
    });
  });

  it('reports a 429 as rate-limited and retryable, with the retry-after delay', async () => {
    const scope = harness.endpoint().reply(429, harness.error(429), { 'retry-after': '20' });

    const result = await harness.create().review(requestFor(harness));

    scope.done();
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'rate-limited',
        provider: harness.id,
        status: 429,
        retryable: true,
        retryAfterMs: 20_000,
        usage: null,
        rawAnswer: null,
      }),
    });
    expect(!result.ok && result.error.message).toContain('retry after 20 s');
  });

  it('reports a 529 as overloaded and retryable', async () => {
    const scope = harness.endpoint().reply(529, harness.error(529));

    const result = await harness.create().review(requestFor(harness));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'overloaded', status: 529, retryable: true },
    });
  });

  it('reports a 500 as a retryable server error', async () => {
    const scope = harness.endpoint().reply(500, harness.error(500));

    const result = await harness.create().review(requestFor(harness));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'server-error', status: 500, retryable: true },
    });
  });

  it('reports an answer that fails validation as invalid-answer, keeping usage and raw text', async () => {
    const invalid = modelAnswer({
      findings: [finding(), { ...finding(), line: 'twelve' as unknown as number }],
    });
    const scope = harness.endpoint().reply(200, harness.answer(invalid));

    const result = await harness.create().review(requestFor(harness));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-answer',
        provider: harness.id,
        retryable: false,
        rawAnswer: JSON.stringify(invalid),
        usage: { provider: harness.id, inputTokens: harness.inputTokens },
      },
    });
    expect(!result.ok && result.error.message).toContain('findings[1].line: expected number');
  });

  it('reports an answer that is not JSON as invalid-answer', async () => {
    const scope = harness.endpoint().reply(200, harness.answer('LGTM!'));

    const result = await harness.create().review(requestFor(harness));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-answer', rawAnswer: 'LGTM!' },
    });
  });

  it("reports a 200 whose body is not the API's shape as a failure, never a throw", async () => {
    const scope = harness.endpoint().reply(200, { unexpected: true });

    const result = await harness.create().review(requestFor(harness));

    scope.done();
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'server-error', status: 200, usage: null, retryable: true },
    });
    expect(!result.ok && result.error.message).toContain(
      'its answer is not in the shape of its API',
    );
  });

  // Transport faults come from a stub fetch: nock's delayed replies do not honour the SDKs' abort.
  it('reports no answer within timeoutMs as a retryable timeout', async () => {
    const started = Date.now();

    const result = await harness
      .createWithFetch(neverAnswers)
      .review({ ...requestFor(harness), timeoutMs: 100 });

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'timeout', status: null, retryable: true },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a refused connection as a retryable connection failure', async () => {
    const result = await harness.createWithFetch(refusesConnection).review(requestFor(harness));

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'connection', status: null, retryable: true },
    });
  });
});
