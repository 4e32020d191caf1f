/**
 * Bookkeeping once a review is on the pull request: the findings it posted, the head the next
 * push is compared with, the rows of what it cost. The review cannot be taken back, so a ledger
 * that fails here must not turn it into a failed job: a retry would call the model again and post
 * a second review. The step is tried a few times, then logged with what it would have written.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from '../domain/log.js';

const ATTEMPTS = 3;
const FIRST_DELAY_MS = 100;

export const afterPosting = async (
  what: string,
  step: () => Promise<void>,
  context: { readonly log: Log; readonly fields: Readonly<Record<string, unknown>> },
): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await step();
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        context.log.error(
          { err: error, ...context.fields, attempts: attempt },
          `the review is posted, but ${what} could not be recorded`,
        );
        return;
      }
      await sleep(FIRST_DELAY_MS * 4 ** (attempt - 1));
    }
  }
};
