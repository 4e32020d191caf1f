/** How a review job ended, as plain data: what the finishing step writes, settles and reports. */
import type { Classification } from '../domain/classification.js';
import type { CheckConclusion, CheckRunOutput } from '../github/types.js';
import type { ReviewKey } from '../ledger/types.js';
import type { LedgerEntryOptions } from './build-ledger-entry.js';

/** One ledger row of the job; `finishedAt` absent means when the job finishes. */
export type Attempt = Omit<
  LedgerEntryOptions,
  'job' | 'startedAt' | 'finishedAt' | 'classification'
> & { readonly finishedAt?: string };

/** The check run to report: `id` is the one opened when the review started, or null to open one. */
export interface CheckReport {
  readonly id: number | null;
  readonly conclusion: CheckConclusion;
  readonly output: CheckRunOutput;
}

export interface JobOutcome {
  /** What the rows carry as the change's size and risk; null when the job stopped before classifying. */
  readonly classification: Classification | null;
  /** Ledger rows, in the order the attempts happened. */
  readonly attempts: readonly Attempt[];
  readonly check: CheckReport | null;
  /** Review claims the job holds: `posted` keeps them, `released` lets a later delivery try. */
  readonly claims: readonly ReviewKey[];
  readonly settleAs: 'posted' | 'released';
  /** Claims released whatever happens (the deep tier, when the deep model failed). */
  readonly releasedClaims: readonly ReviewKey[];
  /** The budget held for the review, released once its cost is in the ledger. */
  readonly reservationId: string | null;
  /** What stopped the job unexpectedly: it goes back to the queue once the rest is settled. */
  readonly interrupted: unknown;
}

const ENDED: JobOutcome = {
  classification: null,
  attempts: [],
  check: null,
  claims: [],
  settleAs: 'released',
  releasedClaims: [],
  reservationId: null,
  interrupted: null,
};

/** An outcome with nothing held: the rows and check run given, the rest empty. */
export const endedWith = (fields: Partial<JobOutcome>): JobOutcome => ({ ...ENDED, ...fields });

/** A job that ends before any model is called: one row, and a check run when `check` is set. */
export const stopped = (
  attempt: Attempt,
  options: {
    readonly classification?: Classification | null;
    readonly check?: Omit<CheckReport, 'id'>;
  } = {},
): JobOutcome =>
  endedWith({
    attempts: [attempt],
    classification: options.classification ?? null,
    check: options.check === undefined ? null : { id: null, ...options.check },
  });

/** The outcome with lines added to its check run's summary; as it was when it reports no check run. */
export const withCheckLines = (outcome: JobOutcome, lines: readonly string[]): JobOutcome => {
  if (lines.length === 0 || outcome.check === null) return outcome;
  const { output } = outcome.check;
  return {
    ...outcome,
    check: {
      ...outcome.check,
      output: { ...output, summary: [output.summary, ...lines].join('\n\n') },
    },
  };
};
