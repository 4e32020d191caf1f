/**
 * The review request of one tier, built exactly as an immediate review builds it, for a batch: the
 * same prompt, the code context included, so the batch's model reads what an immediate one would.
 */
import { EMPTY_POOL } from '../context/types.js';
import type { ReviewRequest } from '../providers/types.js';
import type { TierChoice } from '../review/tier-call.js';
import { buildTierPrompt, tierRequest } from '../review/tier-request.js';
import type { ReviewSubject } from './review-subject.js';

export interface BatchRequest {
  readonly request: Omit<ReviewRequest, 'timeoutMs' | 'signal'>;
  readonly omitted: readonly { path: string; reason: string }[];
}

export const buildBatchRequest = (
  subject: Pick<ReviewSubject, 'repo' | 'policy' | 'classification' | 'diff' | 'pr' | 'context'>,
  choice: Pick<TierChoice, 'tier' | 'model' | 'reason'>,
  limits: { readonly maxInputTokens: number; readonly maxOutputTokens: number },
): BatchRequest => {
  const prompt = buildTierPrompt(subject, choice, limits.maxInputTokens, {
    context: subject.context ?? EMPTY_POOL,
  });
  return {
    request: {
      ...tierRequest(prompt, choice, subject.repo, limits.maxOutputTokens),
      context: prompt.context,
      cacheContext: prompt.cacheContext,
    },
    omitted: prompt.omitted,
  };
};
