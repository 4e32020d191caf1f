import type { Probot } from 'probot';
import type { JobQueue } from '../queue/types.js';
import { toRerunJob } from './to-rerun-job.js';
import { REVIEW_ACTIONS, toReviewJob } from './to-review-job.js';

const EVENTS = REVIEW_ACTIONS.map((action) => `pull_request.${action}` as const);

/** Pull request events become review jobs; an event without an installation is logged and ignored. */
export const registerReviewIntake = (
  app: Probot,
  queue: Pick<JobQueue, 'enqueue'>,
  now: () => Date,
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

/** "Re-run" on the app's check run reviews that commit again (nothing new if it has its review). */
export const registerRerunIntake = (
  app: Probot,
  queue: Pick<JobQueue, 'enqueue'>,
  now: () => Date,
): void => {
  app.on('check_run.rerequested', async (context) => {
    const job = toRerunJob(context.id, context.payload, now());
    if (job === null) return;
    await queue.enqueue(job);
    context.log.info(
      { deliveryId: job.deliveryId, pr: job.pr, headSha: job.headSha, trigger: job.trigger },
      'review job queued: check run re-run',
    );
  });
};
