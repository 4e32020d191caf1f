/**
 * A model call still running when the queue stops its job for good in this process (shutdown
 * after the bounded wait, or the queue abandoned): the process is about to exit and will not see
 * the answer, but the provider bills the call all the same. The job records it at once, priced at
 * the estimate its budget held, so the ledger does not lose it; the job runs again elsewhere.
 */
import { abortCause, type JobAborted } from '../queue/job-aborted.js';
import type { TierChoice } from '../review/tier-call.js';
import type { Attempt } from './job-outcome.js';
import { estimatedRow, type BudgetEstimate } from './review-holdings.js';

export type Raced<T> =
  | { readonly stopped: false; readonly value: T }
  | { readonly stopped: true; readonly reason: JobAborted };

/**
 * `work`, unless the queue stops the job for good first. A newer push or a lost lease does not
 * count: the process lives on, so the call is awaited and its real usage recorded.
 */
export const unlessStopped = async <T>(
  work: Promise<T>,
  signal: AbortSignal,
): Promise<Raced<T>> => {
  let onAbort = (): void => undefined;
  const stop = new Promise<Raced<T>>((resolve) => {
    onAbort = () => {
      const cause = abortCause(signal);
      if (cause === 'shutdown' || cause === 'abandoned')
        resolve({ stopped: true, reason: signal.reason as JobAborted });
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work.then((value) => ({ stopped: false as const, value })), stop]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
};

/** The row of a call the process stopped waiting for: its tier's estimate, tokens unknown. */
export const stoppedMidCall = (choice: TierChoice, estimate: BudgetEstimate): Attempt =>
  estimatedRow(
    choice,
    estimate,
    'failed',
    'the process stopped during the model call: cost estimated as the budget held it, tokens unknown',
  );
