import type { Probot } from 'probot';
import type { HistoryIndex } from '../ledger/history-index.js';
import type { JobQueue } from '../queue/types.js';
import { registerCommandIntake } from './register-command-intake.js';
import { registerHistoryIntake } from './register-history-intake.js';
import { registerRerunIntake, registerReviewIntake } from './register-review-intake.js';

/** Probot has verified the signature by now; intake only enqueues, so GitHub gets its answer at once. */
export const registerIntake = (
  app: Probot,
  queue: Pick<JobQueue, 'enqueue'>,
  now: () => Date = () => new Date(),
  history?: Pick<HistoryIndex, 'recordHistory'>,
): void => {
  registerReviewIntake(app, queue, now);
  registerRerunIntake(app, queue, now);
  registerCommandIntake(app, queue, now);
  if (history !== undefined) registerHistoryIntake(app, history);
};
