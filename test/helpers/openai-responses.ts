/**
 * Realistic OpenAI Responses API bodies for nock, shaped like what `POST /v1/responses` returns
 * for a structured-output request with `store: false`.
 */
import OpenAI from 'openai';

export const OPENAI_TEST_ORIGIN = 'https://api.openai.test';
export const OPENAI_TEST_BASE_URL = `${OPENAI_TEST_ORIGIN}/v1`;

/**
 * A client for nock: test key, test host, no SDK retries. `baseURL` points it at a real local
 * server instead (e.g. one that never answers, to test timeouts).
 */
export const openAITestClient = (options: { baseURL?: string } = {}): OpenAI =>
  new OpenAI({
    apiKey: 'test-key',
    baseURL: options.baseURL ?? OPENAI_TEST_BASE_URL,
    maxRetries: 0,
  });

export interface OpenAIUsageCounts {
  /** Includes `cachedTokens`. */
  readonly inputTokens: number;
  readonly cachedTokens: number;
  /** Includes `reasoningTokens`. */
  readonly outputTokens: number;
  readonly reasoningTokens: number;
}

export const DEFAULT_OPENAI_USAGE: OpenAIUsageCounts = {
  inputTokens: 5_200,
  cachedTokens: 4_096,
  outputTokens: 1_400,
  reasoningTokens: 960,
};

export interface OpenAIResponseOptions {
  /** An object is sent as JSON text; a string is sent as it is (to test invalid answers). */
  readonly answer: unknown;
  readonly usage?: Partial<OpenAIUsageCounts>;
  readonly model?: string;
  readonly status?: 'completed' | 'incomplete' | 'failed';
  readonly incompleteReason?: 'max_output_tokens' | 'content_filter';
  /** Replaces the answer with a refusal. */
  readonly refusal?: string;
  readonly id?: string;
}

export const openAIResponse = (options: OpenAIResponseOptions): Record<string, unknown> => {
  const usage = { ...DEFAULT_OPENAI_USAGE, ...options.usage };
  const status = options.status ?? 'completed';
  const text = typeof options.answer === 'string' ? options.answer : JSON.stringify(options.answer);
  const content =
    options.refusal === undefined
      ? [{ type: 'output_text', annotations: [], logprobs: [], text }]
      : [{ type: 'refusal', refusal: options.refusal }];
  return {
    id: options.id ?? 'resp_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    object: 'response',
    created_at: 1_763_740_000,
    status,
    background: false,
    error:
      status === 'failed'
        ? { code: 'server_error', message: 'The model failed to respond.' }
        : null,
    incomplete_details:
      status === 'incomplete' ? { reason: options.incompleteReason ?? 'max_output_tokens' } : null,
    instructions: null,
    max_output_tokens: 16_000,
    max_tool_calls: null,
    model: options.model ?? 'gpt-5.3-codex',
    output: [
      { id: 'rs_0a1b2c3d4e5f6071', type: 'reasoning', summary: [] },
      {
        id: 'msg_0a1b2c3d4e5f6071',
        type: 'message',
        status: status === 'incomplete' ? 'incomplete' : 'completed',
        role: 'assistant',
        content,
      },
    ],
    parallel_tool_calls: true,
    previous_response_id: null,
    prompt_cache_key: 'review-router:acme/widgets',
    reasoning: { effort: 'low', summary: null },
    service_tier: 'default',
    store: false,
    temperature: 1,
    text: { format: { type: 'json_schema', name: 'review', strict: true }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: [],
    top_logprobs: 0,
    top_p: 1,
    truncation: 'disabled',
    usage: {
      input_tokens: usage.inputTokens,
      input_tokens_details: { cached_tokens: usage.cachedTokens, cache_write_tokens: 0 },
      output_tokens: usage.outputTokens,
      output_tokens_details: { reasoning_tokens: usage.reasoningTokens },
      total_tokens: usage.inputTokens + usage.outputTokens,
    },
    user: null,
    metadata: {},
  };
};

/** An error body as the API sends it with a 4xx or 5xx. */
export const openAIError = (
  message: string,
  type: string = 'invalid_request_error',
  code: string | null = null,
): Record<string, unknown> => ({ error: { message, type, param: null, code } });
