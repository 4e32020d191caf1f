import type { Probot } from 'probot';
import { HEAD_WHEN_RUN } from '../domain/review-job.js';
import type { JobQueue } from '../queue/types.js';
import { toCommandJob } from './to-command-job.js';

/**
 * A command in a pull request comment becomes a command job, answered by the worker's command
 * handler, with no call to GitHub: a command neither supersedes nor is superseded by a push, and
 * acts on the pull request's head when it runs. The permission check and every reply happen in the
 * worker.
 */
export const registerCommandIntake = (
  app: Probot,
  queue: Pick<JobQueue, 'enqueue'>,
  now: () => Date,
): void => {
  app.on('issue_comment.created', async (context) => {
    const command = toCommandJob(context.id, context.payload, now());
    if (command === null) return;
    await queue.enqueue({ ...command, headSha: HEAD_WHEN_RUN });
    context.log.info(
      { deliveryId: command.deliveryId, pr: command.pr, command: command.command?.name },
      'command job queued',
    );
  });
};
