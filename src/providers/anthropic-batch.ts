/**
 * The Anthropic adapter of the batch port: the same Messages request as `anthropic-provider.ts`
 * (built by `anthropic-request.ts`) sent as a Message Batch of one, read back from its results.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { Usage } from '../domain/usage.js';
import { ModelAnswer as ModelAnswerSchema, parseModelAnswer } from '../review/schema.js';
import { messagesRequestBody } from './anthropic-request.js';
import { toAnthropicFailure } from './anthropic-failure.js';
import { attemptWith } from './batch-attempt.js';
import type { BatchCheck, BatchProvider } from './batch-types.js';

export interface AnthropicBatchOptions {
  /** Built by the composition root from ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL. */
  readonly client: Anthropic;
}

const toUsage = (usage: Anthropic.Usage): Usage => ({
  provider: 'anthropic',
  inputTokens: usage.input_tokens,
  cachedInputTokens: usage.cache_read_input_tokens ?? 0,
  cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
  cacheWrite5mTokens: usage.cache_creation?.ephemeral_5m_input_tokens ?? 0,
  cacheWrite1hTokens: usage.cache_creation?.ephemeral_1h_input_tokens ?? 0,
  outputTokens: usage.output_tokens,
  reasoningTokens: usage.output_tokens_details?.thinking_tokens ?? 0,
  inferenceGeo: usage.inference_geo ?? null,
});

/** No deadline reaches a batch call: the SDK's own timeout bounds it. */
const attempt = attemptWith((error) => toAnthropicFailure(error, {}, 'anthropic'));

const readMessage = (message: Anthropic.Message): BatchCheck => {
  const usage = toUsage(message.usage);
  const unusable = (why: string): BatchCheck => ({
    state: 'failed',
    kind: 'unusable',
    message: why,
    usage,
  });
  if (message.stop_reason === 'refusal') return unusable('the model refused to answer');
  if (
    message.stop_reason === 'max_tokens' ||
    message.stop_reason === 'model_context_window_exceeded'
  )
    return unusable(`the answer is incomplete (stop_reason ${message.stop_reason})`);
  const text = message.content
    .flatMap((block) => (block.type === 'text' ? [block.text] : []))
    .join('');
  const parsed = parseModelAnswer(text);
  if (!parsed.ok) return unusable(`the answer failed validation: ${parsed.error}`);
  return {
    state: 'answered',
    reply: { answer: parsed.value, usage, model: message.model, requestId: null },
  };
};

export const createAnthropicBatch = ({ client }: AnthropicBatchOptions): BatchProvider => {
  const format = zodOutputFormat(ModelAnswerSchema);
  return {
    id: 'anthropic',
    submit: (request, customId) =>
      attempt(async () => {
        const batch = await client.messages.batches.create({
          requests: [
            {
              custom_id: customId,
              params: messagesRequestBody(request, {
                type: format.type,
                schema: format.schema,
              }),
            },
          ],
        });
        return { batchId: batch.id };
      }),
    check: (batchId, customId) =>
      attempt(async (): Promise<BatchCheck> => {
        const batch = await client.messages.batches.retrieve(batchId);
        if (batch.processing_status !== 'ended')
          return { state: 'waiting', status: batch.processing_status };
        for await (const entry of await client.messages.batches.results(batchId)) {
          if (entry.custom_id !== customId) continue;
          const { result } = entry;
          if (result.type === 'succeeded') return readMessage(result.message);
          const message =
            result.type === 'errored'
              ? `the request failed: ${result.error.error.message}`
              : `the request ${result.type === 'expired' ? 'expired before it ran' : 'was canceled'}`;
          return { state: 'failed', kind: result.type, message, usage: null };
        }
        return {
          state: 'failed',
          kind: 'errored',
          message: 'the batch ended without an answer for this review',
          usage: null,
        };
      }),
    cancel: (batchId) =>
      attempt(async () => {
        await client.messages.batches.cancel(batchId);
        return null;
      }),
  };
};
