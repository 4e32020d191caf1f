/**
 * Realistic Anthropic Messages API bodies for nock, shaped like what `POST /v1/messages` returns
 * for claude-opus-4-6 with adaptive thinking and a JSON-schema output format.
 */
import Anthropic from '@anthropic-ai/sdk';

export const ANTHROPIC_TEST_BASE_URL = 'https://api.anthropic.test';

/**
 * A client for nock: test key, test host, no SDK retries. `baseURL` points it at a real local
 * server instead (e.g. one that never answers, to test timeouts).
 */
export const anthropicTestClient = (options: { baseURL?: string } = {}): Anthropic =>
  new Anthropic({
    apiKey: 'test-key',
    baseURL: options.baseURL ?? ANTHROPIC_TEST_BASE_URL,
    maxRetries: 0,
  });

export interface AnthropicUsageCounts {
  /** Excludes cache reads and writes. */
  readonly inputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWrite5mTokens: number;
  readonly cacheWrite1hTokens: number;
  /** Includes `thinkingTokens`. */
  readonly outputTokens: number;
  /** null: the API left the count out (it may on 4.6). */
  readonly thinkingTokens: number | null;
  readonly inferenceGeo: string | null;
}

export const DEFAULT_ANTHROPIC_USAGE: AnthropicUsageCounts = {
  inputTokens: 3_200,
  cacheReadTokens: 4_800,
  cacheWrite5mTokens: 1_600,
  cacheWrite1hTokens: 500,
  outputTokens: 2_900,
  thinkingTokens: 1_800,
  inferenceGeo: 'global',
};

export type AnthropicStopReason =
  'end_turn' | 'max_tokens' | 'refusal' | 'model_context_window_exceeded' | 'pause_turn';

export interface AnthropicMessageOptions {
  /** An object is sent as JSON text; a string is sent as it is (to test invalid answers). */
  readonly answer: unknown;
  readonly usage?: Partial<AnthropicUsageCounts>;
  readonly model?: string;
  readonly stopReason?: AnthropicStopReason;
  readonly id?: string;
}

export const anthropicMessage = (options: AnthropicMessageOptions): Record<string, unknown> => {
  const usage = { ...DEFAULT_ANTHROPIC_USAGE, ...options.usage };
  const stopReason = options.stopReason ?? 'end_turn';
  const text = typeof options.answer === 'string' ? options.answer : JSON.stringify(options.answer);
  return {
    id: options.id ?? 'msg_01XFDUDYJgAACzvnptvVoYEL',
    type: 'message',
    role: 'assistant',
    model: options.model ?? 'claude-opus-4-6',
    content: [
      {
        type: 'thinking',
        thinking: 'The change adds an expiry check; the token comparison on line 42 uses ===.',
        signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds',
      },
      ...(stopReason === 'refusal' ? [] : [{ type: 'text', text, citations: null }]),
    ],
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details:
      stopReason === 'refusal'
        ? {
            type: 'refusal',
            category: 'cyber',
            explanation: 'The request could enable cyber harm.',
          }
        : null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: usage.inputTokens,
      cache_creation_input_tokens: usage.cacheWrite5mTokens + usage.cacheWrite1hTokens,
      cache_read_input_tokens: usage.cacheReadTokens,
      cache_creation: {
        ephemeral_5m_input_tokens: usage.cacheWrite5mTokens,
        ephemeral_1h_input_tokens: usage.cacheWrite1hTokens,
      },
      output_tokens: usage.outputTokens,
      output_tokens_details:
        usage.thinkingTokens === null ? null : { thinking_tokens: usage.thinkingTokens },
      server_tool_use: null,
      service_tier: 'standard',
      inference_geo: usage.inferenceGeo,
      speed: null,
    },
  };
};

/** An error body as the API sends it, e.g. `anthropicError('overloaded_error', 'Overloaded')`. */
export const anthropicError = (type: string, message: string): Record<string, unknown> => ({
  type: 'error',
  error: { type, message },
  request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
});
