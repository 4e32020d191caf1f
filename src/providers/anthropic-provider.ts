/**
 * The Anthropic adapter of the model-provider port: one Messages API call with adaptive thinking
 * and a JSON-schema answer (the body is built by `anthropic-request.ts`).
 *
 * The same adapter serves Claude on Amazon Bedrock and Google Vertex AI: their SDKs
 * (`AnthropicBedrock`, `AnthropicVertex`) take the same Messages request and rewrite it for their
 * cloud (model in the path, SigV4 or Google OAuth, `anthropic_version` in the body).
 */
import type Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { ProviderId } from '../domain/policy.js';
import { err, ok, type Result } from '../domain/result.js';
import type { Usage } from '../domain/usage.js';
import { ModelAnswer as ModelAnswerSchema, parseModelAnswer } from '../review/schema.js';
import { answerFailure } from './provider-failure.js';
import { toAnthropicFailure } from './anthropic-failure.js';
import { messagesRequestBody } from './anthropic-request.js';
import type { ModelProvider, ProviderFailure, ProviderReply } from './types.js';

/** The providers that serve Claude's Messages API. */
export type MessagesProviderId = Extract<ProviderId, 'anthropic' | 'bedrock' | 'vertex'>;

/** What the adapter uses of a client: `Anthropic`, `AnthropicBedrock` and `AnthropicVertex` all have it. */
export interface MessagesClient {
  readonly messages: Pick<Anthropic['messages'], 'create'>;
}

export interface AnthropicProviderOptions {
  /**
   * Built by the composition root: `Anthropic` from ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL,
   * `AnthropicBedrock` or `AnthropicVertex` from their clouds' variables.
   */
  readonly client: MessagesClient;
  /** Which provider the client reaches; default `anthropic`. */
  readonly id?: MessagesProviderId;
  /** The region every answer is served from, where the price depends on it (Vertex AI's). */
  readonly region?: string | null;
}

/**
 * The answer is constrained with the SDK's zod output format but sent with `messages.create()`
 * and validated here: `messages.parse()` throws on an invalid answer, losing the usage that must
 * be recorded and the text that gets one repair, and (in 1.12.0, despite its types) returns a
 * plain Promise without `withResponse()`, so no request id.
 */
export const createAnthropicProvider = ({
  client,
  id = 'anthropic',
  region = null,
}: AnthropicProviderOptions): ModelProvider => {
  const format = zodOutputFormat(ModelAnswerSchema);
  const host: Host = { id, region };
  return {
    id,
    review: async (request) => {
      try {
        const { data, request_id } = await client.messages
          .create(
            messagesRequestBody(request, format),
            // Explicit, or the SDK refuses a large max_tokens without streaming.
            { timeout: request.timeoutMs, signal: request.signal ?? null },
          )
          .withResponse();
        return readMessage(data, request_id ?? null, host);
      } catch (error) {
        return err(toAnthropicFailure(error, request, id));
      }
    },
  };
};

interface Host {
  readonly id: MessagesProviderId;
  readonly region: string | null;
}

const readMessage = (
  message: Anthropic.Message,
  requestId: string | null,
  host: Host,
): Result<ProviderReply, ProviderFailure> => {
  const usage = toUsage(message.usage, host);
  const text = message.content
    .flatMap((block) => (block.type === 'text' ? [block.text] : []))
    .join('');
  const rawAnswer = text === '' ? null : text;
  const fail = (kind: 'invalid-answer' | 'refused' | 'incomplete', detail: string) =>
    err(answerFailure({ provider: host.id, kind, message: detail, usage, rawAnswer }));

  switch (message.stop_reason) {
    case 'max_tokens':
      return fail('incomplete', 'it reached max_tokens; raise the limit or review fewer files');
    case 'model_context_window_exceeded':
      return fail('incomplete', "the prompt and answer exceed the model's context window");
    case 'refusal': {
      const details = message.stop_details;
      return fail(
        'refused',
        details?.explanation ?? `stop_reason refusal (${details?.category ?? 'no category'})`,
      );
    }
    case 'end_turn':
    case 'stop_sequence':
    case null:
      break;
    default:
      return fail('incomplete', `stop_reason ${message.stop_reason}`);
  }
  if (rawAnswer === null) return fail('invalid-answer', 'the message has no answer text');
  const parsed = parseModelAnswer(rawAnswer);
  if (!parsed.ok) return fail('invalid-answer', parsed.error);
  return ok({ answer: parsed.value, usage, model: message.model, requestId });
};

/**
 * Exactly as reported (src/domain/usage.ts): input_tokens excludes cache reads and writes, which
 * come on top; output_tokens includes thinking, whose own count may be null on 4.6.
 */
const toUsage = (usage: Anthropic.Usage, host: Host): Usage => ({
  provider: host.id,
  inputTokens: usage.input_tokens,
  cachedInputTokens: usage.cache_read_input_tokens ?? 0,
  cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
  cacheWrite5mTokens: usage.cache_creation?.ephemeral_5m_input_tokens ?? 0,
  cacheWrite1hTokens: usage.cache_creation?.ephemeral_1h_input_tokens ?? 0,
  outputTokens: usage.output_tokens,
  reasoningTokens: usage.output_tokens_details?.thinking_tokens ?? 0,
  inferenceGeo: usage.inference_geo ?? null,
  serviceTier: usage.service_tier ?? null,
  ...(host.region === null ? {} : { region: host.region }),
});
