import type { CodeCache } from '../context/cache-code-source.js';
import type { Log } from '../domain/log.js';
import type { ProviderId } from '../domain/policy.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { FindingFeedback } from '../feedback/types.js';
import type { GitHubPort } from '../github/types.js';
import type { HistoryIndex } from '../ledger/history-index.js';
import type { PriceTable } from '../ledger/price-table.js';
import type {
  BudgetAlerts,
  BudgetReservations,
  CostRows,
  PendingBatches,
  PullMemory,
  ReviewClaims,
} from '../ledger/types.js';
import type { ModelProvider } from '../providers/types.js';
import type { BatchDeps } from './batch-types.js';

export interface ReviewLimits {
  /** The prompt (instructions + pull request) must fit in this many input tokens. */
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  /** Deadline for one model call (MODEL_TIMEOUT_MS): the SDK's per-request timeout. */
  readonly modelTimeoutMs: number;
  /**
   * Deadline for all the model calls of one review job together (REVIEW_DEADLINE_MS): the SDKs'
   * retries, the repair request, the fallback and the escalation. Default 20 minutes: two whole
   * model timeouts, so a slow first answer still leaves room for a fallback or a deep review,
   * and always under the claim lease (see claim-lease.ts), so a review that is still running
   * never looks crashed to a redelivered job.
   */
  readonly reviewDeadlineMs: number;
  /**
   * How old a running claim must be before a re-run job takes it over (a crashed process left
   * it); default the longer of three model timeouts and the review deadline plus one (claim-lease.ts).
   */
  readonly claimLeaseMs?: number;
}

/** The smallest prompt budget MAX_INPUT_TOKENS may set. */
export const MIN_INPUT_TOKENS = 1_000;

export const DEFAULT_LIMITS: ReviewLimits = {
  maxInputTokens: 120_000,
  maxOutputTokens: 16_000,
  modelTimeoutMs: 10 * 60_000,
  reviewDeadlineMs: 20 * 60_000,
};

export interface WorkerDeps {
  /** An installation-authenticated GitHub adapter. */
  readonly github: (installationId: number) => Promise<GitHubPort>;
  /** Providers with an API key configured; a missing one fails the review with a clear message. */
  readonly providers: Partial<Record<ProviderId, ModelProvider>>;
  /**
   * The ledger's cost rows (written and read per pull request), claims, budget, alerts, batch
   * reviews waiting for their provider, and memory.
   */
  readonly ledger: Pick<CostRows, 'record' | 'list'> &
    ReviewClaims &
    BudgetReservations &
    BudgetAlerts &
    PendingBatches &
    PullMemory &
    Pick<HistoryIndex, 'historyOf'> &
    FindingFeedback;
  readonly prices: PriceTable;
  readonly log: Log;
  readonly limits: ReviewLimits;
  readonly now: () => Date;
  /** Puts a job on the queue: the current head of a pull request whose job came for an older one. */
  readonly enqueue: (job: ReviewJob) => Promise<void>;
  /** Batch APIs and delayed polls; without them a `mode: batch` rule reviews now. */
  readonly batches?: BatchDeps;
  /** Files of commits already read for code context, shared by the jobs of this process. */
  readonly codeCache?: CodeCache | undefined;
  /** Set for one job: when it started, the month its budget is checked in (`BudgetDeps`). */
  readonly jobStartedAt?: string;
}
