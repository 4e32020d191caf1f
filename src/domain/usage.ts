/**
 * Token usage exactly as the provider reported it. The two providers count
 * differently, so `provider` says how to read the numbers:
 * - openai: inputTokens INCLUDES cachedInputTokens; outputTokens includes reasoningTokens.
 * - anthropic: inputTokens EXCLUDES cache reads and writes; outputTokens includes thinking.
 */
import type { ProviderId } from './policy.js';

export interface Usage {
  readonly provider: ProviderId;
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  /** Anthropic cache_creation_input_tokens, all TTLs together. */
  readonly cacheWriteTokens: number;
  readonly cacheWrite5mTokens: number;
  readonly cacheWrite1hTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  /** Anthropic `usage.inference_geo` (`us` costs 1.1x), null when not reported. */
  readonly inferenceGeo: string | null;
}

export const emptyUsage = (provider: ProviderId): Usage => ({
  provider,
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  inferenceGeo: null,
});
