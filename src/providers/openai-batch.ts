/**
 * The OpenAI adapter of the batch port: the same Responses request as `openai-provider.ts`
 * (built by `openai-request.ts`), as a one-line JSONL file (`files.create`, purpose `batch`) and a batch on `/v1/responses`
 * (`batches.create`, window 24h), read back from its output or error file.
 */
import type OpenAI from 'openai';
import { toFile } from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { emptyUsage, type Usage } from '../domain/usage.js';
import { ModelAnswer as ModelAnswerSchema, parseModelAnswer } from '../review/schema.js';
import { toOpenAIFailure } from './openai-failure.js';
import { attemptWith } from './batch-attempt.js';
import type { BatchCheck, BatchProvider } from './batch-types.js';
import { responsesRequestBody } from './openai-request.js';

export interface OpenAIBatchOptions {
  /** Built by the composition root from OPENAI_API_KEY / OPENAI_BASE_URL. */
  readonly client: OpenAI;
}

/** One line of an output or error file, read leniently: only the fields used. */
const OutputLine = z.object({
  custom_id: z.string(),
  response: z
    .object({ status_code: z.number(), request_id: z.string().nullish(), body: z.unknown() })
    .nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

const ResponseBody = z.object({
  status: z.string().nullish(),
  model: z.string(),
  incomplete_details: z.object({ reason: z.string().nullish() }).nullish(),
  error: z.object({ message: z.string().nullish() }).nullish(),
  output: z.array(
    z.object({
      type: z.string(),
      content: z
        .array(
          z.object({ type: z.string(), text: z.string().nullish(), refusal: z.string().nullish() }),
        )
        .nullish(),
    }),
  ),
  usage: z
    .object({
      input_tokens: z.number(),
      input_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
      output_tokens: z.number(),
      output_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

const toUsage = (usage: z.infer<typeof ResponseBody>['usage']): Usage =>
  usage === null || usage === undefined
    ? emptyUsage('openai')
    : {
        ...emptyUsage('openai'),
        inputTokens: usage.input_tokens,
        cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
        outputTokens: usage.output_tokens,
        reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
      };

/** No deadline reaches a batch call: the SDK's own timeout bounds it. */
const attempt = attemptWith((error) => toOpenAIFailure(error, {}, 'openai'));

/** The answer in one output line: a reply, or why it cannot be used (with what it cost). */
const readLine = (line: z.infer<typeof OutputLine>, requestId: string | null): BatchCheck => {
  const failed = (message: string, usage: Usage | null = null): BatchCheck => ({
    state: 'failed',
    kind: usage === null ? 'errored' : 'unusable',
    message,
    usage,
  });
  if (line.error)
    return failed(`the request failed: ${line.error.message ?? line.error.code ?? 'no message'}`);
  const status = line.response?.status_code ?? 0;
  if (status !== 200) return failed(`the request failed with HTTP ${status}`);
  const body = ResponseBody.safeParse(line.response?.body);
  if (!body.success) return failed('the batch answer is not a Responses API response');
  const usage = toUsage(body.data.usage);
  if (body.data.status === 'failed')
    return failed(body.data.error?.message ?? 'the response failed', usage);
  if (body.data.status !== 'completed' || body.data.incomplete_details)
    return failed(
      `the answer is incomplete (${body.data.incomplete_details?.reason ?? body.data.status ?? 'no status'})`,
      usage,
    );
  const contents = body.data.output.flatMap((item) =>
    item.type === 'message' ? (item.content ?? []) : [],
  );
  const refusal = contents.find((content) => content.type === 'refusal');
  if (refusal) return failed(`the model refused: ${refusal.refusal ?? ''}`, usage);
  const text = contents
    .flatMap((content) => (content.type === 'output_text' ? [content.text ?? ''] : []))
    .join('');
  const parsed = parseModelAnswer(text);
  if (!parsed.ok) return failed(`the answer failed validation: ${parsed.error}`, usage);
  return {
    state: 'answered',
    reply: { answer: parsed.value, usage, model: body.data.model, requestId },
  };
};

/** The line for `customId` in a JSONL file, or null. */
const findLine = (text: string, customId: string): z.infer<typeof OutputLine> | null => {
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    const line = OutputLine.safeParse(value);
    if (line.success && line.data.custom_id === customId) return line.data;
  }
  return null;
};

/**
 * Statuses of a batch that ended other than `completed`. `cancelling` is not one: requests that
 * were running still finish and are billed, and they are in the output file once it is `cancelled`.
 */
const ENDED_WITHOUT_ANSWER: Readonly<Record<string, 'failed' | 'expired' | 'canceled'>> = {
  failed: 'failed',
  expired: 'expired',
  cancelled: 'canceled',
};

export const createOpenAIBatch = ({ client }: OpenAIBatchOptions): BatchProvider => {
  const format = zodTextFormat(ModelAnswerSchema, 'review');
  return {
    id: 'openai',
    submit: (request, customId) =>
      attempt(async () => {
        const line = JSON.stringify({
          custom_id: customId,
          method: 'POST',
          url: '/v1/responses',
          body: responsesRequestBody(request, format),
        });
        const file = await client.files.create({
          file: await toFile(Buffer.from(`${line}\n`), `${customId}.jsonl`),
          purpose: 'batch',
        });
        const batch = await client.batches.create({
          input_file_id: file.id,
          endpoint: '/v1/responses',
          completion_window: '24h',
          metadata: { review: customId },
        });
        return { batchId: batch.id };
      }),
    check: (batchId, customId) =>
      attempt(async (): Promise<BatchCheck> => {
        const batch = await client.batches.retrieve(batchId);
        const ended = ENDED_WITHOUT_ANSWER[batch.status];
        if (batch.status !== 'completed' && ended === undefined)
          return { state: 'waiting', status: batch.status };
        for (const fileId of [batch.output_file_id, batch.error_file_id]) {
          if (!fileId) continue;
          const text = await (await client.files.content(fileId)).text();
          const line = findLine(text, customId);
          if (line !== null) return readLine(line, line.response?.request_id ?? null);
        }
        const why = batch.errors?.data
          ?.map((error) => error.message)
          .filter(Boolean)
          .join('; ');
        return {
          state: 'failed',
          kind: ended ?? 'errored',
          message: `the batch ${batch.status === 'completed' ? 'has no answer for this review' : `ended ${batch.status}`}${why ? `: ${why}` : ''}`,
          usage: null,
        };
      }),
    cancel: (batchId) =>
      attempt(async () => {
        await client.batches.cancel(batchId);
        return null;
      }),
  };
};
