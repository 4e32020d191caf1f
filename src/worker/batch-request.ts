/** The review request of one tier, built exactly as an immediate review builds it, for a batch. */
import { formatFileForPrompt } from '../changes/format-file-for-prompt.js';
import type { ReviewRequest } from '../providers/types.js';
import { buildReviewPrompt } from '../review/build-prompt.js';
import type { TierChoice } from '../review/tier-call.js';
import type { ReviewSubject } from './review-subject.js';

export interface BatchRequest {
  readonly request: Omit<ReviewRequest, 'timeoutMs' | 'signal'>;
  readonly omitted: readonly { path: string; reason: string }[];
}

export const buildBatchRequest = (
  subject: Pick<ReviewSubject, 'repo' | 'policy' | 'classification' | 'diff' | 'pr'>,
  choice: Pick<TierChoice, 'tier' | 'model' | 'reason'>,
  limits: { readonly maxInputTokens: number; readonly maxOutputTokens: number },
): BatchRequest => {
  const prompt = buildReviewPrompt({
    policy: subject.policy,
    classification: subject.classification,
    diff: subject.diff,
    pr: subject.pr,
    route: { tier: choice.tier, reason: choice.reason },
    maxInputTokens: limits.maxInputTokens,
    formatFile: formatFileForPrompt,
  });
  return {
    request: {
      model: choice.model.model,
      effort: choice.model.effort,
      system: prompt.system,
      repositoryContext: prompt.repositoryContext,
      prompt: prompt.prompt,
      maxOutputTokens: limits.maxOutputTokens,
      cacheKey: `review-router:${subject.repo}`,
    },
    omitted: prompt.omitted,
  };
};
