/**
 * The OpenAI adapter of the model-provider port: one Responses API call with a strict JSON-schema
 * answer. It serves Azure OpenAI too, through the SDK's `AzureOpenAI` client (the model is the
 * deployment name). On the flex tier, a 429 "resource unavailable" (flex has no capacity now) is
 * sent once more on the standard tier; the usage says which tier served the answer.
 */
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { makeParseableTextFormat } from 'openai/lib/parser';
import type { ModelAnswer } from '../domain/model-answer.js';
import type { ProviderId } from '../domain/policy.js';
import { err, ok, type Result } from '../domain/result.js';
import { emptyUsage, type Usage } from '../domain/usage.js';
import { ModelAnswer as ModelAnswerSchema, parseModelAnswer } from '../review/schema.js';
import { toOpenAIFailure as toFailure } from './openai-failure.js';
import { responsesRequestBody } from './openai-request.js';
import { answerFailure } from './provider-failure.js';
import type { ModelProvider, ProviderFailure, ProviderReply, ReviewRequest } from './types.js';

/** The providers that serve OpenAI's Responses API. */
export type ResponsesProviderId = Extract<ProviderId, 'openai' | 'azure-openai'>;

export interface OpenAIProviderOptions {
  /**
   * Built by the composition root: `OpenAI` from OPENAI_API_KEY / OPENAI_BASE_URL, or `AzureOpenAI`
   * from AZURE_OPENAI_API_KEY / AZURE_OPENAI_ENDPOINT / OPENAI_API_VERSION.
   */
  readonly client: OpenAI;
  /** Which provider the client reaches; default `openai`. */
  readonly id?: ResponsesProviderId;
}

/**
 * The SDK's zod format, with a parser that returns a Result instead of throwing: a failed
 * validation keeps the response, whose usage must be recorded and whose text is repaired once.
 */
const answerFormat = () =>
  makeParseableTextFormat(zodTextFormat(ModelAnswerSchema, 'review'), parseModelAnswer);

type ParsedAnswer = Result<ModelAnswer, string>;

export const createOpenAIProvider = ({
  client,
  id = 'openai',
}: OpenAIProviderOptions): ModelProvider => {
  const format = answerFormat();
  /** One request on one tier (`flex`, `default` = standard, or none = the project's); SDK errors are thrown. */
  const send = async (
    request: ReviewRequest,
    tier: 'flex' | 'default' | null,
  ): Promise<Result<ProviderReply, ProviderFailure>> => {
    const { data, request_id } = await client.responses
      .parse(
        {
          ...responsesRequestBody(request, format),
          ...(tier === null ? {} : { service_tier: tier }),
        },
        { timeout: request.timeoutMs, signal: request.signal ?? null },
      )
      .withResponse();
    return readResponse(data, request_id, id);
  };
  return {
    id,
    review: async (request) => {
      const flex = request.serviceTier === 'flex';
      try {
        return await send(request, flex ? 'flex' : null);
      } catch (error) {
        if (!flex || !isFlexUnavailable(error)) return err(toFailure(error, request, id));
      }
      // Flex had no capacity: nothing was spent, and the standard tier is asked once.
      try {
        return await send(request, 'default');
      } catch (error) {
        return err(toFailure(error, request, id));
      }
    },
  };
};

/**
 * OpenAI's 429 "resource unavailable": flex has no capacity for the request now. Not a rate limit
 * of the account (`rate_limit_exceeded`), which the standard tier would hit as well.
 */
const isFlexUnavailable = (error: unknown): boolean =>
  error instanceof OpenAI.RateLimitError &&
  (error.code === 'resource_unavailable' || /resource.unavailable/i.test(error.message));

interface ParsedResponse {
  readonly service_tier?: string | null;
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
  provider: ResponsesProviderId,
): Result<ProviderReply, ProviderFailure> => {
  const usage = toUsage(response.usage, provider, response.service_tier ?? null);
  const rawAnswer = response.output_text === '' ? null : response.output_text;
  const fail = (
    kind: 'invalid-answer' | 'refused' | 'incomplete' | 'server-error',
    message: string,
  ) => err(answerFailure({ provider, kind, message, usage, rawAnswer }));

  const status = response.status ?? 'completed';
  if (status === 'failed') {
    return fail('server-error', response.error?.message ?? 'the response failed');
  }
  if (status !== 'completed' || response.incomplete_details != null) {
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
const toUsage = (
  usage: OpenAI.Responses.ResponseUsage | undefined,
  provider: ResponsesProviderId,
  serviceTier: string | null,
): Usage => {
  const tier = serviceTier === null ? {} : { serviceTier };
  if (usage === undefined) return { ...emptyUsage(provider), ...tier };
  return {
    ...emptyUsage(provider),
    inputTokens: usage.input_tokens,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    outputTokens: usage.output_tokens,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
    ...tier,
  };
};
