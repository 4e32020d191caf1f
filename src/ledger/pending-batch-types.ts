/** The port of batch reviews waiting for their provider: stored so a restart resumes them. */
import type { Effort, ProviderId } from '../domain/policy.js';
import type { Tier, Trigger } from '../domain/review-job.js';
import type { PullKey } from './types.js';

/**
 * `submitted`: waiting for the provider; `fallback`: the batch failed or expired and the review
 * runs without batch; `done`: its answer was posted or recorded; `superseded`: a newer push came.
 */
export type PendingBatchState = 'submitted' | 'fallback' | 'done' | 'superseded';

/** What the job that sent the batch review was: its ledger rows carry the same delivery and trigger. */
export interface PendingBatchJob {
  readonly deliveryId: string;
  readonly installationId: number;
  readonly trigger: Trigger;
  readonly receivedAt: string;
}

export interface NewPendingBatch extends PullKey {
  /** Ours: the batch request's `custom_id`, and the poll jobs' handle on it. */
  readonly id: string;
  readonly headSha: string;
  readonly tier: Tier;
  readonly provider: ProviderId;
  readonly model: string;
  readonly effort: Effort;
  /** The provider's batch id. */
  readonly batchId: string;
  readonly job: PendingBatchJob;
  /** Why this tier (the routing reason) and any budget note: the summary shows both. */
  readonly reason: string;
  readonly budgetNote: string | null;
  /** The prompt's token limit, so the files it left out are listed again when the answer comes. */
  readonly maxInputTokens: number;
  /** The budget held for the review until its cost is recorded. */
  readonly reservationId: string | null;
  readonly at: string;
}

export interface PendingBatch extends NewPendingBatch {
  readonly state: PendingBatchState;
  /** The check run that says "queued for batch review"; null until it is created. */
  readonly checkId: number | null;
  /** How many times the provider was asked whether the batch has ended. */
  readonly polls: number;
  readonly updatedAt: string;
}

export interface PendingBatchChange {
  /** Changes the row only while it is in this state: two replicas cannot both finish it. */
  readonly from: PendingBatchState;
  readonly state?: PendingBatchState;
  readonly checkId?: number;
  readonly polls?: number;
  readonly at: string;
}

export interface PendingBatches {
  addPendingBatch(batch: NewPendingBatch): Promise<void>;
  getPendingBatch(id: string): Promise<PendingBatch | null>;
  /** The pull request's batch reviews still waiting for their provider, oldest first. */
  listWaitingBatches(key: PullKey): Promise<PendingBatch[]>;
  /** True when the row was in `from` and is changed; false when another job moved it first. */
  updatePendingBatch(id: string, change: PendingBatchChange): Promise<boolean>;
}
