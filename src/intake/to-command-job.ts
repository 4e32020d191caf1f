import type { ReviewJob, RouteTier } from '../domain/review-job.js';
import { parseCommand } from './parse-command.js';

/** The fields of an issue_comment webhook payload that intake reads (lenient: GitHub sends far more). */
export interface IssueCommentEventPayload {
  readonly action: string;
  readonly installation?: { readonly id: number } | undefined;
  readonly repository: { readonly name: string; readonly owner: { readonly login: string } };
  readonly issue: { readonly number: number; readonly pull_request?: unknown };
  readonly comment: {
    readonly id: number;
    readonly body?: string | null | undefined;
    readonly user: { readonly login: string; readonly type?: string | undefined } | null;
  };
  readonly sender: { readonly login: string; readonly type?: string | undefined };
}

/** A command job before intake has read the pull request's head SHA. */
export type CommandJob = Omit<ReviewJob, 'headSha'>;

const FORCED_TIERS: Readonly<Record<string, RouteTier>> = {
  'review-deep': 'deep',
  'review-fast': 'fast',
  'review-skip': 'skip',
};

/** Bots never command the app; this also keeps the app from answering its own comments. */
export const isBot = (user: {
  readonly login: string;
  readonly type?: string | undefined;
}): boolean => user.type === 'Bot' || user.login.endsWith('[bot]');

/**
 * Null unless a person wrote a new comment on a pull request (not a plain issue) that starts with
 * a command, and the event came with an installation.
 */
export const toCommandJob = (
  deliveryId: string,
  payload: IssueCommentEventPayload,
  receivedAt: Date,
): CommandJob | null => {
  if (payload.action !== 'created' || payload.installation === undefined) return null;
  if (payload.issue.pull_request === undefined || payload.issue.pull_request === null) return null;
  const author = payload.comment.user ?? payload.sender;
  if (isBot(payload.sender) || isBot(author)) return null;
  const name = parseCommand(payload.comment.body ?? '');
  if (name === null) return null;
  return {
    deliveryId,
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pr: payload.issue.number,
    trigger: 'command',
    forcedTier: FORCED_TIERS[name] ?? null,
    receivedAt: receivedAt.toISOString(),
    command: { name, commentId: payload.comment.id, author: author.login },
  };
};
