import type { ProviderId } from '../domain/policy.js';
import type { Usage } from '../domain/usage.js';
import type {
  ModelProvider,
  ProviderFailure,
  ProviderReply,
  ReviewRequest,
} from '../providers/types.js';

/** A provider call that spent tokens but produced nothing usable: it still goes in the ledger. */
export interface SpentAttempt {
  readonly provider: ProviderId;
  readonly model: string;
  readonly usage: Usage | null;
  readonly failure: ProviderFailure;
}

export type ModelOutcome =
  | {
      readonly kind: 'answered';
      readonly reply: ProviderReply;
      readonly spent: readonly SpentAttempt[];
    }
  | {
      readonly kind: 'failed';
      readonly failure: ProviderFailure;
      readonly spent: readonly SpentAttempt[];
    };

const repairPrompt = (request: ReviewRequest, failure: ProviderFailure): ReviewRequest => ({
  ...request,
  prompt:
    `${request.prompt}\n\n---\nYour previous answer was rejected by the schema check: ` +
    `${failure.message.slice(0, 500)}\nAnswer again with only the structured review the schema describes.`,
});

/** One call, and one repair request when the answer fails validation (DESIGN.md section 6). */
export const askModel = async (
  provider: ModelProvider,
  request: ReviewRequest,
): Promise<ModelOutcome> => {
  const first = await provider.review(request);
  if (first.ok) return { kind: 'answered', reply: first.value, spent: [] };
  const firstSpent: SpentAttempt = {
    provider: provider.id,
    model: request.model,
    usage: first.error.usage,
    failure: first.error,
  };
  if (first.error.kind !== 'invalid-answer')
    return { kind: 'failed', failure: first.error, spent: [firstSpent] };
  const second = await provider.review(repairPrompt(request, first.error));
  if (second.ok) return { kind: 'answered', reply: second.value, spent: [firstSpent] };
  const secondSpent: SpentAttempt = {
    provider: provider.id,
    model: request.model,
    usage: second.error.usage,
    failure: second.error,
  };
  return { kind: 'failed', failure: second.error, spent: [firstSpent, secondSpent] };
};
