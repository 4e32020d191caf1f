/**
 * The Anthropic adapter of the model-provider port: one Messages API call with adaptive thinking
 * and a JSON-schema answer. Never temperature, never a forced
 * tool, never a prefill: all three are 400s with thinking on the 4.6+ models.
 *
 * The same adapter serves Claude on Amazon Bedrock and Google Vertex AI: their SDKs
 * (`AnthropicBedrock`, `AnthropicVertex`) take the same Messages request and rewrite it for their
 * cloud (model in the path, SigV4 or Google OAuth, `anthropic_version` in the body).
 */
import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { Effort, ProviderId } from '../domain/policy.js';
import { err, ok, type Result } from '../domain/result.js';
import { deadlinePassedOn } from '../domain/review-deadline-passed.js';
import type { Usage } from '../domain/usage.js';
import { ModelAnswer as ModelAnswerSchema, parseModelAnswer } from '../review/schema.js';
import {
  answerFailure,
  deadlineFailure,
  httpFailure,
  transportFailure,
} from './provider-failure.js';
import type { ModelProvider, ProviderFailure, ProviderReply, ReviewRequest } from './types.js';

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

type AnthropicEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

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
      const generation = modelGeneration(request.model);
      try {
        const { data, request_id } = await client.messages
          .create(
            {
              model: request.model,
              max_tokens: request.maxOutputTokens,
              system: systemBlocks(request),
              messages: [{ role: 'user', content: userContent(request) }],
              ...(generation === 'adaptive' ? { thinking: { type: 'adaptive' as const } } : {}),
              output_config: {
                ...(generation === 'adaptive'
                  ? { effort: anthropicEffort(request.effort, request.model) }
                  : {}),
                format,
              },
            },
            // Explicit, or the SDK refuses a large max_tokens without streaming.
            { timeout: request.timeoutMs, signal: request.signal ?? null },
          )
          .withResponse();
        return readMessage(data, request_id ?? null, host);
      } catch (error) {
        return err(toFailure(error, request, id));
      }
    },
  };
};

/**
 * System first, then the repository context, with the cache breakpoint on the last stable block:
 * the provider caches everything up to it, so the pull request is the only uncached input.
 */
const systemBlocks = (request: ReviewRequest): Anthropic.TextBlockParam[] => {
  const texts = [request.system, request.repositoryContext].filter((text) => text !== '');
  return texts.map((text, index) => ({
    type: 'text',
    text,
    ...(index === texts.length - 1 ? { cache_control: { type: 'ephemeral' as const } } : {}),
  }));
};

/**
 * The pull request alone, or the code context first as its own block, with a breakpoint after it
 * when the review asks for one: a repair attempt then reads the system, the repository's
 * instructions and the code from the cache.
 */
const userContent = (request: ReviewRequest): string | Anthropic.TextBlockParam[] => {
  const context = request.context ?? '';
  if (context === '') return request.prompt;
  return [
    {
      type: 'text',
      text: context,
      ...(request.cacheContext === true ? { cache_control: { type: 'ephemeral' as const } } : {}),
    },
    { type: 'text', text: request.prompt },
  ];
};

/**
 * `claude-<family>-<major>[-<minor>][-<date>]`. Adaptive thinking and `output_config.effort` came
 * with 4.6; older models get neither (manual thinking budgets are not worth it for a review).
 * A name we cannot read is assumed to be newer.
 */
const modelGeneration = (model: string): 'adaptive' | 'legacy' => {
  const version = /^claude-[a-z]+-(\d+)(?:-(\d{1,2}))?(?:-\d{8})?$/.exec(claudeName(model));
  if (!version) return 'adaptive';
  const major = Number(version[1]);
  const minor = Number(version[2] ?? '0');
  return major > 4 || (major === 4 && minor >= 6) ? 'adaptive' : 'legacy';
};

/**
 * Our efforts on Anthropic's scale (low | medium | high | xhigh | max): none and minimal become
 * low, the lowest there is; xhigh, which the 4.6 models do not take, becomes max there, the next
 * level above high.
 */
const anthropicEffort = (effort: Effort, model: string): AnthropicEffort => {
  if (effort === 'none' || effort === 'minimal') return 'low';
  if (effort === 'xhigh' && /-4-6(?:-\d{8})?$/.test(claudeName(model))) return 'max';
  return effort;
};

/**
 * The Claude name inside a cloud's model ID: Bedrock's `global.anthropic.claude-opus-4-6-v1`
 * (or `...-v1:0`) and Vertex's `claude-opus-4-6@20260101` are `claude-opus-4-6`.
 */
const claudeName = (model: string): string =>
  model
    .replace(/^(?:[a-z]+\.)?anthropic\./, '')
    .replace(/-v\d+(?::\d+)?$/, '')
    .replace(/@.*$/, '');

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

/**
 * The SDK's errors as typed failures. An abort by the review's deadline (or the SDK's timeout
 * firing as the deadline passes) is a timeout that says so; any other abort is the caller's, and
 * is thrown back to it.
 */
const toFailure = (
  error: unknown,
  request: ReviewRequest,
  provider: MessagesProviderId,
): ProviderFailure => {
  const deadline = deadlinePassedOn(request.signal);
  const stopped =
    error instanceof Anthropic.APIUserAbortError ||
    error instanceof Anthropic.APIConnectionTimeoutError;
  if (deadline !== null && stopped) return deadlineFailure(provider, deadline.totalMs);
  if (error instanceof Anthropic.APIUserAbortError) throw error;
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return transportFailure(provider, 'timeout', error.message);
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return transportFailure(provider, 'connection', error.message);
  }
  if (error instanceof Anthropic.APIError && typeof error.status === 'number') {
    return httpFailure({
      provider,
      status: error.status,
      headers: error.headers instanceof Headers ? error.headers : undefined,
      message: error.message,
      overloaded: error instanceof Anthropic.OverloadedError,
    });
  }
  throw error;
};
