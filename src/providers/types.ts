/** The model-provider port: one review request in, one validated answer (or a typed failure) out. */
import type { Effort, ProviderId, ServiceTier } from '../domain/policy.js';
import type { ModelAnswer } from '../domain/model-answer.js';
import type { Result } from '../domain/result.js';
import type { Usage } from '../domain/usage.js';

export interface ReviewRequest {
  readonly model: string;
  readonly effort: Effort;
  /** Stable across every review: role, rules, output contract. Sent first, cacheable. */
  readonly system: string;
  /** Stable per repository: the policy's instructions. Sent second, cacheable. */
  readonly repositoryContext: string;
  /**
   * Code from the repository, quoted as data: sent after the repository context and before the
   * pull request, so a repair attempt repeats the same prefix. Absent or '': none.
   */
  readonly context?: string;
  /** Mark a cache breakpoint after `context` (the stable prefix reaches the model's minimum). */
  readonly cacheContext?: boolean;
  /** This pull request, quoted as data. */
  readonly prompt: string;
  readonly maxOutputTokens: number;
  /** Keys OpenAI's prompt cache (e.g. `review-router:owner/name`). */
  readonly cacheKey: string;
  /**
   * `flex`: OpenAI's flex tier, once more on the standard tier when flex has no capacity. Absent:
   * the standard tier. Providers without tiers ignore it.
   */
  readonly serviceTier?: ServiceTier;
  /** For one HTTP attempt; the SDK's own retries each get it again. */
  readonly timeoutMs: number;
  /**
   * Ends the call, retries included. Aborted with `ReviewDeadlinePassed` (the review's total
   * deadline), the call fails as a timeout that is not retried; any other abort is thrown.
   */
  readonly signal?: AbortSignal;
}

export interface ProviderReply {
  readonly answer: ModelAnswer;
  readonly usage: Usage;
  /** The model id the provider says answered. */
  readonly model: string;
  readonly requestId: string | null;
}

export type ProviderFailureKind =
  | 'rate-limited'
  | 'overloaded'
  | 'server-error'
  | 'timeout'
  | 'connection'
  | 'invalid-answer'
  | 'refused'
  | 'incomplete'
  | 'bad-request'
  | 'auth';

export interface ProviderFailure {
  readonly kind: ProviderFailureKind;
  readonly provider: ProviderId;
  readonly message: string;
  readonly status: number | null;
  /** Tokens were spent even though the call failed (an invalid or incomplete answer): record them. */
  readonly usage: Usage | null;
  /** The raw text of an answer that failed validation, for one repair attempt. */
  readonly rawAnswer: string | null;
  readonly retryable: boolean;
  /** How long the provider asked us to wait (`retry-after-ms` / `retry-after`), when it said. */
  readonly retryAfterMs?: number;
}

export interface ModelProvider {
  readonly id: ProviderId;
  review(request: ReviewRequest): Promise<Result<ProviderReply, ProviderFailure>>;
}
