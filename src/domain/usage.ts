/**
 * Token usage exactly as the provider reported it. The providers count differently, so
 * `provider` says how to read the numbers (`countsLike`):
 * - like openai (openai, azure-openai, openai-compatible): inputTokens INCLUDES cachedInputTokens;
 *   outputTokens includes reasoningTokens.
 * - like anthropic (anthropic, bedrock, vertex): inputTokens EXCLUDES cache reads and writes;
 *   outputTokens includes thinking.
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
  /**
   * The service tier the response says served the request (OpenAI `service_tier`: `default`,
   * `flex`, ...; Anthropic `usage.service_tier`: `standard`, `batch`, ...); absent or null when
   * it did not say. `flex` and `batch` are billed at half price.
   */
  readonly serviceTier?: string | null;
  /**
   * The cloud region that served the request where the price depends on it (Vertex AI's
   * CLOUD_ML_REGION); absent or null otherwise.
   */
  readonly region?: string | null;
}

/** How a provider's usage is counted: as OpenAI's APIs count it, or as Anthropic's Messages API does. */
export type UsageCounting = 'openai' | 'anthropic';

const COUNTING: Record<ProviderId, UsageCounting> = {
  openai: 'openai',
  'azure-openai': 'openai',
  'openai-compatible': 'openai',
  anthropic: 'anthropic',
  bedrock: 'anthropic',
  vertex: 'anthropic',
};

export const countsLike = (provider: ProviderId): UsageCounting => COUNTING[provider];

/** A discount the provider applied to a whole request: flex (OpenAI's flex tier) or batch. */
export type Discount = 'flex' | 'batch';

/** The discount the usage says was billed: the tier that served it, when that tier is discounted. */
export const discountOf = (usage: Usage | null): Discount | null => {
  const tier = usage?.serviceTier;
  return tier === 'flex' || tier === 'batch' ? tier : null;
};

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
