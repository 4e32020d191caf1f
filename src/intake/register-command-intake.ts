import type { Probot } from 'probot';
import type { JobQueue } from '../queue/types.js';
import { toCommandJob } from './to-command-job.js';

/**
 * A command in a pull request comment becomes a command job, answered by the worker's command
 * handler. The queue orders and supersedes a pull request's jobs by head SHA, which a comment
 * event does not carry: one read of the pull request (milliseconds) gives it. The permission check
 * and every reply happen in the worker.
 */
export const registerCommandIntake = (
  app: Probot,
  queue: Pick<JobQueue, 'enqueue'>,
  now: () => Date,
): void => {
  app.on('issue_comment.created', async (context) => {
    const command = toCommandJob(context.id, context.payload, now());
    if (command === null) return;
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
