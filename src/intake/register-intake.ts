import type { Probot } from 'probot';
import type { JobQueue } from '../queue/types.js';
import { REVIEW_ACTIONS, toReviewJob } from './to-review-job.js';

const EVENTS = REVIEW_ACTIONS.map((action) => `pull_request.${action}` as const);

/** Probot has verified the signature by now; intake only enqueues, so GitHub gets its answer at once. */
export const registerIntake = (
  app: Probot,
  queue: JobQueue,
  now: () => Date = () => new Date(),
): void => {
  app.on(EVENTS, async (context) => {
    const job = toReviewJob(context.id, context.payload, now());
    if (job === null) {
      context.log.warn(
        { deliveryId: context.id },
        'pull_request event without an installation: ignored',
      );
      return;
    }
    await queue.enqueue(job);
    context.log.info(
      { deliveryId: job.deliveryId, pr: job.pr, headSha: job.headSha, trigger: job.trigger },
      'review job queued',
    );
  });
};
