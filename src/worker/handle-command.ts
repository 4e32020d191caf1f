import { repoFullName, type ReviewJob } from '../domain/review-job.js';
import type { GitHubPort, RepoPermission } from '../github/types.js';
import type { CostRows, PullMemory } from '../ledger/types.js';
import {
  explainCommandOutcome,
  renderCommandHelp,
  renderCostReply,
  renderRefusal,
} from '../publish/render-command-reply.js';
import type { WorkerDeps } from './types.js';

/** The review pipeline, for `/review`: the same job on the pull request's current head. */
export type ReviewPipeline = (job: ReviewJob) => Promise<void>;

/** What answering a command needs: GitHub, the ledger's pull-request state and rows, a clock. */
export interface CommandDeps {
  readonly github: (installationId: number) => Promise<GitHubPort>;
  readonly ledger: Pick<CostRows, 'list'> & Pick<PullMemory, 'getPullState' | 'updatePullState'>;
  readonly log: WorkerDeps['log'];
  readonly now: () => Date;
}

/** Roles that may steer the app (every command but /cost): checked with the permission API. */
const WRITE_ROLES: ReadonlySet<RepoPermission> = new Set(['admin', 'maintain', 'write']);

/**
 * Answers one command from a pull request comment. `/cost` and help reply with a comment; every
 * other command needs write access, checked with the permission API (never the payload's author
 * association), and is refused with a short comment otherwise. An accepted command gets a 👍
 * reaction; `/review` then runs the review pipeline on the pull request's current head and says
 * why when it posted no review.
 */
export const handleCommand = async (
  job: ReviewJob,
  deps: CommandDeps,
  review: ReviewPipeline,
): Promise<void> => {
  const { command } = job;
  if (command === undefined) return;
  const repo = repoFullName(job);
  const log = deps.log.child({
    deliveryId: job.deliveryId,
    repo,
    pr: job.pr,
    command: command.name,
  });
  const gh = await deps.github(job.installationId);
  const ref = { owner: job.owner, repo: job.repo, pr: job.pr };
  const key = { repo, pr: job.pr };
  const reply = async (body: string) => {
    await gh.createIssueComment(ref, body);
  };
  const accept = () => gh.addReaction(ref, { commentId: command.commentId, content: '+1' });

  if (command.name === 'help') return reply(renderCommandHelp());
  if (command.name === 'cost') return reply(renderCostReply(await deps.ledger.list(key)));

  const role = await gh.getPermission(ref, command.author);
  if (!WRITE_ROLES.has(role)) {
    log.info({ author: command.author, role }, 'command refused: no write access');
    return reply(renderRefusal(command.name, role));
  }
  const at = deps.now().toISOString();
  if (command.name === 'review-skip') {
    await deps.ledger.updatePullState({
      ...key,
      at,
      skip: { by: command.author, commentId: command.commentId },
    });
    log.info({ author: command.author }, 'reviews of this pull request stopped');
    return accept();
  }

  const pr = await gh.getPullRequest(ref);
  if (pr.state === 'closed')
    return reply('This pull request is closed, so there is nothing to review.');
  if ((await deps.ledger.getPullState(key))?.skip) {
    await deps.ledger.updatePullState({ ...key, at, skip: null });
  }
  await accept();
  await review({ ...job, headSha: pr.headSha, command: undefined });
  const rows = (await deps.ledger.list(key)).filter((row) => row.deliveryId === job.deliveryId);
  const explanation = explainCommandOutcome(rows, pr.headSha, job.forcedTier);
  if (explanation !== null) await reply(explanation);
};
