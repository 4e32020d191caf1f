/**
 * The OpenAI adapter of the model-provider port: one Responses API call with a strict JSON-schema
 * answer.
 */
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { makeParseableTextFormat } from 'openai/lib/parser';
import type { ModelAnswer } from '../domain/model-answer.js';
import { err, ok, type Result } from '../domain/result.js';
import { deadlinePassedOn } from '../domain/review-deadline-passed.js';
import { emptyUsage, type Usage } from '../domain/usage.js';
import { ModelAnswer as ModelAnswerSchema, parseModelAnswer } from '../review/schema.js';
import {
  answerFailure,
  deadlineFailure,
  httpFailure,
  transportFailure,
} from './provider-failure.js';
import type { ModelProvider, ProviderFailure, ProviderReply, ReviewRequest } from './types.js';

export interface OpenAIProviderOptions {
  /** Built by the composition root from OPENAI_API_KEY / OPENAI_BASE_URL. */
  readonly client: OpenAI;
}

/**
 * The SDK's zod format, with a parser that returns a Result instead of throwing: a failed
 * validation keeps the response, whose usage must be recorded and whose text is repaired once.
 */
const answerFormat = () =>
  makeParseableTextFormat(zodTextFormat(ModelAnswerSchema, 'review'), parseModelAnswer);

type ParsedAnswer = Result<ModelAnswer, string>;

export const createOpenAIProvider = ({ client }: OpenAIProviderOptions): ModelProvider => {
  const format = answerFormat();
  return {
    id: 'openai',
    review: async (request) => {
      try {
        const { data, request_id } = await client.responses
          .parse(
            {
              model: request.model,
              instructions: request.system,
              input: [
                ...(request.repositoryContext === ''
                  ? []
                  : [{ role: 'developer' as const, content: request.repositoryContext }]),
                // Code is data from the repository: a user message, before the pull request so
                // the cached prefix covers it (OpenAI caches prefixes of 1,024 tokens and more).
                ...(request.context === undefined || request.context === ''
                  ? []
                  : [{ role: 'user' as const, content: request.context }]),
                { role: 'user', content: request.prompt },
              ],
              reasoning: { effort: request.effort },
              text: { format },
              max_output_tokens: request.maxOutputTokens,
              store: false,
              prompt_cache_key: request.cacheKey,
            },
            { timeout: request.timeoutMs, signal: request.signal ?? null },
          )
          .withResponse();
        return readResponse(data, request_id);
      } catch (error) {
        return err(toFailure(error, request));
      }
    },
  };
};

interface ParsedResponse {
  readonly status?: OpenAI.Responses.ResponseStatus;
  readonly incomplete_details: OpenAI.Responses.Response.IncompleteDetails | null;
  readonly error: OpenAI.Responses.ResponseError | null;
  readonly model: string;
  readonly output: readonly OpenAI.Responses.ResponseOutputItem[];
  readonly output_text: string;
  readonly output_parsed: ParsedAnswer | null;
  readonly usage?: OpenAI.Responses.ResponseUsage;
}

const readResponse = (
  response: ParsedResponse,
  requestId: string | null,
): Result<ProviderReply, ProviderFailure> => {
  const usage = toUsage(response.usage);
  const rawAnswer = response.output_text === '' ? null : response.output_text;
  const fail = (
    kind: 'invalid-answer' | 'refused' | 'incomplete' | 'server-error',
    message: string,
  ) => err(answerFailure({ provider: 'openai', kind, message, usage, rawAnswer }));

  const status = response.status ?? 'completed';
  if (status === 'failed') {
    return fail('server-error', response.error?.message ?? 'the response failed');
  }
  if (status !== 'completed' || response.incomplete_details !== null) {
    const reason = response.incomplete_details?.reason ?? status;
    if (reason === 'content_filter')
      return fail('refused', 'the content filter stopped the answer');
    return fail(
      'incomplete',
      reason === 'max_output_tokens'
        ? 'it reached max_output_tokens; raise the limit or review fewer files'
        : `status ${status} (${reason})`,
    );
  }
  const refusal = findRefusal(response.output);
  if (refusal !== null) return fail('refused', refusal);

  const parsed = response.output_parsed;
  if (parsed === null) return fail('invalid-answer', 'the response has no answer text');
  if (!parsed.ok) return fail('invalid-answer', parsed.error);
  return ok({ answer: parsed.value, usage, model: response.model, requestId });
};

const findRefusal = (output: readonly OpenAI.Responses.ResponseOutputItem[]): string | null => {
  for (const item of output) {
    if (item.type !== 'message') continue;
    for (const content of item.content) {
      if (content.type === 'refusal') return content.refusal;
    }
  }
  return null;
};

/**
 * Exactly as reported: input_tokens includes cached_tokens and output_tokens includes
 * reasoning_tokens (src/domain/usage.ts). The cache-write fields stay 0: they mean Anthropic's
 * writes, billed on top of input, while OpenAI's `cache_write_tokens` are inside input_tokens
 * and the price table (prices/default.json) has no OpenAI cache-write rate.
 */
const toUsage = (usage: OpenAI.Responses.ResponseUsage | undefined): Usage => {
  if (usage === undefined) return emptyUsage('openai');
  return {
    ...emptyUsage('openai'),
    inputTokens: usage.input_tokens,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    outputTokens: usage.output_tokens,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
  };
};

/**
 * The SDK's errors as typed failures. An abort by the review's deadline (or the SDK's timeout
 * firing as the deadline passes) is a timeout that says so; any other abort is the caller's, and
 * is thrown back to it.
 */
const toFailure = (error: unknown, request: ReviewRequest): ProviderFailure => {
  const deadline = deadlinePassedOn(request.signal);
  const stopped =
    error instanceof OpenAI.APIUserAbortError || error instanceof OpenAI.APIConnectionTimeoutError;
  if (deadline !== null && stopped) return deadlineFailure('openai', deadline.totalMs);
  if (error instanceof OpenAI.APIUserAbortError) throw error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return transportFailure('openai', 'timeout', error.message);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return transportFailure('openai', 'connection', error.message);
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    return httpFailure({
      provider: 'openai',
      status: error.status,
      headers: error.headers instanceof Headers ? error.headers : undefined,
      message: error.message,
    });
  }
  throw error;
};
