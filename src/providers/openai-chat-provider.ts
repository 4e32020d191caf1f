/**
 * The OpenAI-compatible adapter of the model-provider port: one Chat Completions call to any
 * server that speaks it (Ollama, vLLM, LiteLLM, OpenRouter) at OPENAI_COMPATIBLE_BASE_URL.
 *
 * The answer is asked for with a strict JSON-schema response format. A server that does not take
 * one (a 400 or 422 that names `response_format` or `json_schema`) is asked once more in JSON mode,
 * with the schema in the instructions, and so for every later review: the answer is then
 * validated here like any other, and an invalid one gets the review's one repair.
 * `effort` is not sent: servers differ in whether and how they take it.
 */
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { err, ok, type Result } from '../domain/result.js';
import { emptyUsage, type Usage } from '../domain/usage.js';
import { ModelAnswer as ModelAnswerSchema, parseModelAnswer } from '../review/schema.js';
import { toOpenAIFailure } from './openai-failure.js';
import { answerFailure } from './provider-failure.js';
import type { ModelProvider, ProviderFailure, ProviderReply, ReviewRequest } from './types.js';

export interface OpenAIChatProviderOptions {
  /** Built by the composition root from OPENAI_COMPATIBLE_BASE_URL / OPENAI_COMPATIBLE_API_KEY. */
  readonly client: OpenAI;
}

type AnswerMode = 'json_schema' | 'json_object';

const PROVIDER = 'openai-compatible';

export const createOpenAIChatProvider = ({ client }: OpenAIChatProviderOptions): ModelProvider => {
  const schemaFormat = zodResponseFormat(ModelAnswerSchema, 'review');
  const schemaText = JSON.stringify(schemaFormat.json_schema.schema);
  let mode: AnswerMode = 'json_schema';

  const send = async (request: ReviewRequest, as: AnswerMode) => {
    const { data, request_id } = await client.chat.completions
      .create(
        {
          model: request.model,
          messages: [
            { role: 'system', content: request.system },
            ...(request.repositoryContext === ''
              ? []
              : [{ role: 'system' as const, content: request.repositoryContext }]),
            ...(as === 'json_object'
              ? [{ role: 'system' as const, content: jsonModeInstructions(schemaText) }]
              : []),
            // The code context, as the other providers send it: data from the repository, before
            // the pull request.
            ...(request.context === undefined || request.context === ''
              ? []
              : [{ role: 'user' as const, content: request.context }]),
            { role: 'user', content: request.prompt },
          ],
          response_format:
            as === 'json_schema'
              ? { type: 'json_schema', json_schema: schemaFormat.json_schema }
              : { type: 'json_object' },
          max_tokens: request.maxOutputTokens,
          stream: false,
        },
        { timeout: request.timeoutMs, signal: request.signal ?? null },
      )
      .withResponse();
    return readCompletion(data, request_id);
  };

  return {
    id: PROVIDER,
    review: async (request) => {
      try {
        return await send(request, mode);
      } catch (error) {
        if (mode === 'json_object' || !rejectsJsonSchema(error)) {
          return err(toOpenAIFailure(error, request, PROVIDER));
        }
      }
      mode = 'json_object';
      try {
        return await send(request, mode);
      } catch (error) {
        return err(toOpenAIFailure(error, request, PROVIDER));
      }
    },
  };
};

const jsonModeInstructions = (schema: string): string =>
  `Answer with one JSON object, and nothing else, that matches this JSON schema:\n${schema}`;

/** The server refused the JSON-schema response format itself, not the request's content. */
const rejectsJsonSchema = (error: unknown): boolean =>
  error instanceof OpenAI.APIError &&
  (error.status === 400 || error.status === 422) &&
  /response_format|json_schema/i.test(error.message);

const readCompletion = (
  completion: OpenAI.Chat.ChatCompletion,
  requestId: string | null,
): Result<ProviderReply, ProviderFailure> => {
  const usage = toUsage(completion.usage);
  const choice = completion.choices[0];
  const text = choice?.message.content ?? '';
  const rawAnswer = text === '' ? null : text;
  const fail = (kind: 'invalid-answer' | 'refused' | 'incomplete', message: string) =>
    err(answerFailure({ provider: PROVIDER, kind, message, usage, rawAnswer }));

  if (choice === undefined) return fail('invalid-answer', 'the completion has no choices');
  if (choice.message.refusal) return fail('refused', choice.message.refusal);
  switch (choice.finish_reason) {
    case 'length':
      return fail('incomplete', 'it reached max_tokens; raise the limit or review fewer files');
    case 'content_filter':
      return fail('refused', 'the content filter stopped the answer');
    default:
      break;
  }
  if (rawAnswer === null) return fail('invalid-answer', 'the completion has no answer text');
  const parsed = parseModelAnswer(rawAnswer);
  if (!parsed.ok) return fail('invalid-answer', parsed.error);
  return ok({ answer: parsed.value, usage, model: completion.model, requestId });
};

/**
 * Exactly as reported, counted as OpenAI counts: prompt_tokens includes cached_tokens and
 * completion_tokens includes reasoning_tokens. A server that reports no usage gives none here;
 * the review then records the app's own counts (src/review/counted-usage.ts).
 */
const toUsage = (usage: OpenAI.CompletionUsage | undefined): Usage => {
  if (usage === undefined) return emptyUsage(PROVIDER);
  return {
    ...emptyUsage(PROVIDER),
    inputTokens: usage.prompt_tokens,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    outputTokens: usage.completion_tokens,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
};
