/** What asking one tier's model takes and gives back: plain values, written to the ledger by the worker. */
import type { Classification } from '../domain/classification.js';
import type { DiffModel } from '../domain/diff.js';
import type { Log } from '../domain/log.js';
import type { ModelAnswer } from '../domain/model-answer.js';
import type { ModelSpec, Policy, ProviderId } from '../domain/policy.js';
import type { PullRequestFacts, Tier } from '../domain/review-job.js';
import type { Usage } from '../domain/usage.js';
import type { PriceTable } from '../ledger/price-table.js';
import type { ModelProvider } from '../providers/types.js';
import type { KnownSecret } from '../secrets/types.js';
import type { ContextPool } from '../context/types.js';
import type { PromptTrim } from './plan-tiers.js';
import type { ReviewDeadline } from './review-deadline.js';

export interface TierChoice {
  readonly tier: Tier;
  readonly model: ModelSpec;
  readonly reason: string;
  readonly budgetNote: string | null;
  /** Set when `per_review_usd` leaves files out of this tier's prompt. */
  readonly trim: PromptTrim | null;
}

export interface TierAnswer {
  readonly ok: true;
  readonly choice: TierChoice;
  readonly answer: ModelAnswer;
  readonly usage: Usage;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  readonly priceVersion: string;
  readonly omitted: readonly { path: string; reason: string }[];
  /** The answer failed validation twice: post without findings and say so. */
  readonly invalidAnswer: string | null;
  /** The usage could not be priced (recorded at $0 with this error). */
  readonly priceError: string | null;
  /** Code context that did not fit the tier's share, said in the summary; absent: none. */
  readonly contextNote?: string | null;
}

export interface TierFailure {
  readonly ok: false;
  readonly choice: TierChoice;
  readonly message: string;
  /** The provider, not the request, was at fault (rate limit, overload, 5xx, timeout, no key). */
  readonly retryable: boolean;
}

/** A model call that produced nothing to post (or was never sent): one failed ledger row. */
export interface FailedAttempt {
  readonly tier: Tier;
  readonly reason: string;
  readonly outcome: 'failed';
  readonly provider: ProviderId;
  readonly model: string;
  readonly usage: Usage | null;
  readonly costUsd: number;
  readonly deepCostUsd: number;
  readonly priceVersion: string | null;
  readonly error: string;
  readonly finishedAt: string;
}

/** The tier's answer or why there is none, and every failed attempt on the way. */
export interface TierCall {
  readonly result: TierAnswer | TierFailure;
  readonly failed: readonly FailedAttempt[];
}

/** What the model reads, redacted, and the rules it is held to. */
export interface TierCallSubject {
  readonly repo: string;
  readonly policy: Policy;
  readonly classification: Classification;
  readonly diff: DiffModel;
  readonly pr: PullRequestFacts;
  /** Secrets found before redaction: an answer that repeats one has it replaced. */
  readonly knownSecrets: readonly KnownSecret[];
  /** Code around the change, redacted; each tier takes its level's share. */
  readonly context?: ContextPool;
}

export interface TierCallDeps {
  readonly providers: Partial<Record<ProviderId, ModelProvider>>;
  readonly prices: PriceTable;
  readonly limits: {
    readonly maxInputTokens: number;
    readonly maxOutputTokens: number;
    readonly modelTimeoutMs: number;
  };
  readonly log: Log;
  readonly deadline: ReviewDeadline;
  readonly now: () => Date;
}
