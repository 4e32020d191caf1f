import { isFixMessage } from '../calibrate/detect-fix-message.js';
import type { HistoryCommit } from '../domain/history.js';

/** The fields of a push webhook payload that the history index reads (lenient: GitHub sends more). */
export interface PushEventPayload {
  readonly ref: string;
  readonly deleted?: boolean | undefined;
  readonly repository: {
    readonly name: string;
    readonly owner: { readonly login?: string | undefined; readonly name?: string | null };
    readonly default_branch?: string | undefined;
  };
  readonly commits?:
    | readonly {
        readonly id: string;
        readonly message: string;
        readonly timestamp: string;
        readonly added?: readonly string[] | undefined;
        readonly modified?: readonly string[] | undefined;
      }[]
    | undefined;
}

/** A merge commit's file lists repeat the merged commits' changes: it would count them twice. */
const MERGE_MESSAGE = /^Merge (?:pull request|branch|remote-tracking branch) /;

export interface PushHistory {
  /** `owner/name`. */
  readonly repo: string;
  readonly commits: readonly HistoryCommit[];
}

/**
 * The commits a push to the repository's default branch brings, as the history index keeps them
 * (added and modified paths, whether the message says fix); null for a push to another branch,
 * a deleted branch, or one without commits. A push webhook lists up to 2,048 commits (the limit of
 * 20 is the timeline's, not the webhook's); a larger push is recorded as far as it lists them.
 */
export const toHistoryCommits = (payload: PushEventPayload): PushHistory | null => {
  const { repository } = payload;
  const owner = repository.owner.login ?? repository.owner.name ?? null;
  if (payload.deleted === true || owner === null) return null;
  if (repository.default_branch === undefined) return null;
  if (payload.ref !== `refs/heads/${repository.default_branch}`) return null;
  const commits = (payload.commits ?? []).flatMap((commit): HistoryCommit[] => {
    const committedAt = Date.parse(commit.timestamp) / 1000;
    if (!Number.isFinite(committedAt) || MERGE_MESSAGE.test(commit.message)) return [];
    return [
      {
        sha: commit.id,
        committedAt,
        fix: isFixMessage(commit.message),
        paths: [...(commit.added ?? []), ...(commit.modified ?? [])],
      },
    ];
  });
  return commits.length === 0 ? null : { repo: `${owner}/${repository.name}`, commits };
};
