/**
 * The batch port: one review request sent through a provider's batch API (OpenAI Batch, Anthropic
 * Message Batches) at half price, and asked later whether it has ended. Adapters:
 * `openai-batch.ts`, `anthropic-batch.ts`.
 */
import type { ProviderId } from '../domain/policy.js';
import type { Result } from '../domain/result.js';
import type { Usage } from '../domain/usage.js';
import type { ProviderFailure, ProviderReply, ReviewRequest } from './types.js';

/** Why a batch gave no answer to post: the review then runs again without batch. */
export type BatchFailureKind = 'failed' | 'expired' | 'canceled' | 'errored' | 'unusable';

export type BatchCheck =
  | { readonly state: 'waiting'; readonly status: string }
  | { readonly state: 'answered'; readonly reply: ProviderReply }
  | {
      readonly state: 'failed';
      readonly kind: BatchFailureKind;
      readonly message: string;
      /** Tokens billed for an answer that cannot be used (invalid, cut short): recorded. */
      readonly usage: Usage | null;
    };

export interface BatchProvider {
  readonly id: ProviderId;
  /** Sends one review request as a batch of one, `customId` naming it; returns the batch id. */
  submit(
    request: Omit<ReviewRequest, 'timeoutMs' | 'signal'>,
    customId: string,
  ): Promise<Result<{ readonly batchId: string }, ProviderFailure>>;
  /** Whether the batch has ended, and with what for `customId`; a failure to ask is an err. */
  check(batchId: string, customId: string): Promise<Result<BatchCheck, ProviderFailure>>;
  /** Asks the provider to stop the batch (a newer push made it moot); what it ran is billed. */
  cancel(batchId: string): Promise<Result<null, ProviderFailure>>;
}
