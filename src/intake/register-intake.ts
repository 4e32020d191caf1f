import type { Probot } from 'probot';
import type { JobQueue } from '../queue/types.js';
import { toCommandJob } from './to-command-job.js';
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

  app.on('issue_comment.created', async (context) => {
    const command = toCommandJob(context.id, context.payload, now());
    if (command === null) return;
    // The queue orders and supersedes a pull request's jobs by head SHA, which a comment event
    // does not carry: one read of the pull request (milliseconds) gives it. The permission check
    // and every reply happen in the worker.
    const { data } = await context.octokit.rest.pulls.get({
      owner: command.owner,
      repo: command.repo,
      pull_number: command.pr,
    });
    await queue.enqueue({ ...command, headSha: data.head.sha });
    context.log.info(
      { deliveryId: command.deliveryId, pr: command.pr, command: command.command?.name },
      'command job queued',
    );
  });
};
