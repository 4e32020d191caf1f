import type { Probot } from 'probot';
import type { JobQueue } from '../queue/types.js';
import { registerCommandIntake } from './register-command-intake.js';
import { registerReviewIntake } from './register-review-intake.js';

/** Probot has verified the signature by now; intake only enqueues, so GitHub gets its answer at once. */
export const registerIntake = (
  app: Probot,
  queue: Pick<JobQueue, 'enqueue'>,
  now: () => Date = () => new Date(),
): void => {
  registerReviewIntake(app, queue, now);
  registerCommandIntake(app, queue, now);
};
