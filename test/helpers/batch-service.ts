/**
 * A fake of OpenAI's Batch API and Anthropic's Message Batches for nock: it keeps what was
 * submitted (the JSONL line, the batch request) and answers polls with the states a test scripts.
 */
import nock from 'nock';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from './anthropic-messages.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from './openai-responses.js';

export interface Submitted {
  /** The one request line the app uploaded, parsed. */
  line: Record<string, any> | null;
  /** The batch create body. */
  batch: Record<string, any> | null;
}

const openAIBatch = (id: string, status: string, outputFileId: string | null = null) => ({
  id,
  object: 'batch',
  endpoint: '/v1/responses',
  errors: null,
  input_file_id: 'file-in',
  completion_window: '24h',
  status,
  output_file_id: outputFileId,
  error_file_id: null,
  created_at: 1_763_740_000,
  request_counts: { total: 1, completed: outputFileId === null ? 0 : 1, failed: 0 },
  metadata: {},
});

/** Accepts one upload and one batch; returns what the app sent. */
export const acceptOpenAIBatch = (batchId = 'batch_review_1'): Submitted => {
  const submitted: Submitted = { line: null, batch: null };
  nock(OPENAI_TEST_ORIGIN)
    .post('/v1/files', (body: unknown) => {
      const text = String(body);
      const json = /\{"custom_id".*\}/.exec(text)?.[0];
      submitted.line = json === undefined ? null : (JSON.parse(json) as Record<string, any>);
      return text.includes('name="purpose"') && text.includes('batch');
    })
    .reply(200, {
      id: 'file-in',
      object: 'file',
      bytes: 1,
      created_at: 1_763_740_000,
      filename: 'review.jsonl',
      purpose: 'batch',
      status: 'processed',
    })
    .post('/v1/batches', (body: Record<string, any>) => {
      submitted.batch = body;
      return true;
    })
    .reply(200, openAIBatch(batchId, 'validating'));
  return submitted;
};

/** One poll that finds the batch still running. */
export const openAIBatchWaiting = (batchId = 'batch_review_1') =>
  nock(OPENAI_TEST_ORIGIN)
    .get(`/v1/batches/${batchId}`)
    .reply(200, openAIBatch(batchId, 'in_progress'));

/** One poll that finds the batch ended with `status`, and its output file, for `submitted`'s line. */
export const openAIBatchEnded = (
  submitted: Submitted,
  options: {
    readonly answer?: unknown;
    readonly usage?: {
      inputTokens: number;
      cachedTokens: number;
      outputTokens: number;
      reasoningTokens: number;
    };
    readonly status?: 'completed' | 'expired' | 'failed' | 'cancelled';
    readonly batchId?: string;
    /** Whether the output file holds the review's line: by default only when `completed`. */
    readonly output?: boolean;
  },
) => {
  const batchId = options.batchId ?? 'batch_review_1';
  const status = options.status ?? 'completed';
  const output = options.output ?? status === 'completed';
  const scope = nock(OPENAI_TEST_ORIGIN)
    .get(`/v1/batches/${batchId}`)
    .reply(200, () => openAIBatch(batchId, status, output ? 'file-out' : null));
  if (output)
    scope.get('/v1/files/file-out/content').reply(200, () => {
      const body = openAIResponse({
        answer: options.answer,
        ...(options.usage ? { usage: options.usage } : {}),
      });
      const line = {
        id: 'batch_req_1',
        custom_id: submitted.line?.custom_id,
        response: { status_code: 200, request_id: 'req_batch_1', body },
        error: null,
      };
      return `${JSON.stringify(line)}\n`;
    });
  return scope;
};

const anthropicBatch = (id: string, status: 'in_progress' | 'ended') => ({
  id,
  type: 'message_batch',
  processing_status: status,
  request_counts: {
    processing: status === 'ended' ? 0 : 1,
    succeeded: status === 'ended' ? 1 : 0,
    errored: 0,
    canceled: 0,
    expired: 0,
  },
  ended_at: status === 'ended' ? '2026-11-21T10:30:00Z' : null,
  created_at: '2026-11-21T10:00:00Z',
  expires_at: '2026-11-22T10:00:00Z',
  archived_at: null,
  cancel_initiated_at: null,
  results_url:
    status === 'ended' ? `${ANTHROPIC_TEST_BASE_URL}/v1/messages/batches/${id}/results` : null,
});

export const acceptAnthropicBatch = (batchId = 'msgbatch_review_1'): Submitted => {
  const submitted: Submitted = { line: null, batch: null };
  nock(ANTHROPIC_TEST_BASE_URL)
    .post('/v1/messages/batches', (body: Record<string, any>) => {
      submitted.batch = body;
      submitted.line = (body.requests as Record<string, any>[])[0] ?? null;
      return true;
    })
    .reply(200, anthropicBatch(batchId, 'in_progress'));
  return submitted;
};

/** The poll that finds the batch ended: the SDK reads the batch twice (once for results_url). */
export const anthropicBatchEnded = (
  submitted: Submitted,
  options: { readonly answer: unknown; readonly batchId?: string },
) => {
  const batchId = options.batchId ?? 'msgbatch_review_1';
  return nock(ANTHROPIC_TEST_BASE_URL)
    .get(`/v1/messages/batches/${batchId}`)
    .times(2)
    .reply(200, anthropicBatch(batchId, 'ended'))
    .get(`/v1/messages/batches/${batchId}/results`)
    .reply(200, () => {
      const line = {
        custom_id: submitted.line?.custom_id,
        result: { type: 'succeeded', message: anthropicMessage({ answer: options.answer }) },
      };
      return `${JSON.stringify(line)}\n`;
    });
};
