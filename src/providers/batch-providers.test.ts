import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptAnthropicBatch,
  acceptOpenAIBatch,
  anthropicBatchEnded,
  openAIBatchEnded,
  openAIBatchWaiting,
} from '../../test/helpers/batch-service.js';
import {
  anthropicTestClient,
  ANTHROPIC_TEST_BASE_URL,
} from '../../test/helpers/anthropic-messages.js';
import { modelAnswer } from '../../test/helpers/model-answers.js';
import { openAITestClient, OPENAI_TEST_ORIGIN } from '../../test/helpers/openai-responses.js';
import { createAnthropicBatch } from './anthropic-batch.js';
import { createOpenAIBatch } from './openai-batch.js';

const request = {
  model: 'gpt-5.3-codex',
  effort: 'low' as const,
  system: 'You review pull requests.',
  repositoryContext: 'Use tabs.',
  prompt: 'The diff, quoted as data.',
  maxOutputTokens: 16_000,
  cacheKey: 'review-router:acme/api',
};

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the OpenAI batch adapter', () => {
  const batch = createOpenAIBatch({ client: openAITestClient() });

  it('uploads one JSONL line with the Responses request and creates a 24h batch on /v1/responses', async () => {
    const submitted = acceptOpenAIBatch();
    const result = await batch.submit(request, 'review-1');
    expect(result).toEqual({ ok: true, value: { batchId: 'batch_review_1' } });
    expect(submitted.line).toMatchObject({
      custom_id: 'review-1',
      method: 'POST',
      url: '/v1/responses',
      body: {
        model: 'gpt-5.3-codex',
        instructions: 'You review pull requests.',
        input: [
          { role: 'developer', content: 'Use tabs.' },
          { role: 'user', content: 'The diff, quoted as data.' },
        ],
        reasoning: { effort: 'low' },
        max_output_tokens: 16_000,
        store: false,
        prompt_cache_key: 'review-router:acme/api',
      },
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('says a running batch is waiting, and reads the answer and usage of a completed one', async () => {
    const submitted = acceptOpenAIBatch();
    await batch.submit(request, 'review-1');
    openAIBatchWaiting();
    expect(await batch.check('batch_review_1', 'review-1')).toEqual({
      ok: true,
      value: { state: 'waiting', status: 'in_progress' },
    });
    openAIBatchEnded(submitted, {
      answer: modelAnswer(),
      usage: { inputTokens: 1_000, cachedTokens: 200, outputTokens: 300, reasoningTokens: 100 },
    });
    const ended = await batch.check('batch_review_1', 'review-1');
    expect(ended).toMatchObject({
      ok: true,
      value: {
        state: 'answered',
        reply: {
          answer: modelAnswer(),
          usage: {
            provider: 'openai',
            inputTokens: 1_000,
            cachedInputTokens: 200,
            outputTokens: 300,
          },
          requestId: 'req_batch_1',
        },
      },
    });
  });

  it('keeps the usage of an answer that fails validation, so its cost is recorded', async () => {
    const submitted = acceptOpenAIBatch();
    await batch.submit(request, 'review-1');
    openAIBatchEnded(submitted, { answer: 'not json' });
    const ended = await batch.check('batch_review_1', 'review-1');
    expect(ended).toMatchObject({
      ok: true,
      value: { state: 'failed', kind: 'unusable', usage: { provider: 'openai' } },
    });
  });

  it('reports an expired batch without an output file as expired', async () => {
    openAIBatchEnded({ line: null, batch: null }, { status: 'expired' });
    expect(await batch.check('batch_review_1', 'review-1')).toMatchObject({
      ok: true,
      value: { state: 'failed', kind: 'expired', usage: null },
    });
  });

  it('returns an HTTP failure as a typed, retryable failure', async () => {
    nock(OPENAI_TEST_ORIGIN)
      .get('/v1/batches/batch_review_1')
      .reply(503, { error: { message: 'busy' } });
    const result = await batch.check('batch_review_1', 'review-1');
    expect(result).toMatchObject({ ok: false, error: { kind: 'server-error', retryable: true } });
  });
});

describe('the Anthropic batch adapter', () => {
  const batch = createAnthropicBatch({ client: anthropicTestClient() });

  it('sends the Messages request as a batch of one and reads its result by custom id', async () => {
    const submitted = acceptAnthropicBatch();
    const result = await batch.submit(
      { ...request, model: 'claude-opus-4-6', effort: 'high' },
      'review-2',
    );
    expect(result).toEqual({ ok: true, value: { batchId: 'msgbatch_review_1' } });
    expect(submitted.line).toMatchObject({
      custom_id: 'review-2',
      params: {
        model: 'claude-opus-4-6',
        max_tokens: 16_000,
        system: [
          { type: 'text', text: 'You review pull requests.' },
          { type: 'text', text: 'Use tabs.', cache_control: { type: 'ephemeral' } },
        ],
        messages: [{ role: 'user', content: 'The diff, quoted as data.' }],
        thinking: { type: 'adaptive' },
        output_config: { effort: 'high', format: { type: 'json_schema' } },
      },
    });
    anthropicBatchEnded(submitted, { answer: modelAnswer() });
    expect(await batch.check('msgbatch_review_1', 'review-2')).toMatchObject({
      ok: true,
      value: {
        state: 'answered',
        reply: { answer: modelAnswer(), usage: { provider: 'anthropic' } },
      },
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('cancels a batch', async () => {
    nock(ANTHROPIC_TEST_BASE_URL).post('/v1/messages/batches/msgbatch_review_1/cancel').reply(200, {
      id: 'msgbatch_review_1',
      type: 'message_batch',
      processing_status: 'canceling',
    });
    expect(await batch.cancel('msgbatch_review_1')).toEqual({ ok: true, value: null });
  });
});
