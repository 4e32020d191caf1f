/** What intake hands to the queue: enough to find the pull request again, nothing more. */
export const TRIGGERS = [
  'opened',
  'reopened',
  'synchronize',
  'ready_for_review',
  'labeled',
  /** A label was taken off: a review only when it was one of `skip.labels`. */
  'unlabeled',
  'command',
  /** The pull request closed or reopened: settle the feedback on its findings, review nothing. */
  'feedback',
  /** "Re-run" on the app's check run: review the head again, unless it has its review. */
  'rerequested',
] as const;

/** The name of the app's check run on each reviewed commit. */
export const CHECK_RUN_NAME = 'review-router';
export type Trigger = (typeof TRIGGERS)[number];

/**
 * The head SHA a command job carries: a command acts on the pull request as it is when it runs,
 * so the webhook does not read the head (a read that could outlast GitHub's 10 s, or fail and lose
 * the command).
 */
export const HEAD_WHEN_RUN = 'head-when-run';

export type Tier = 'fast' | 'deep';
export type RouteTier = 'skip' | Tier;

export interface ReviewJob {
  /** X-GitHub-Delivery of the webhook that caused this job. */
  readonly deliveryId: string;
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  readonly pr: number;
  readonly headSha: string;
  readonly trigger: Trigger;
  /** Set by a command (`/review deep`) or a label; overrides routing rules, not skip rules. */
  readonly forcedTier: RouteTier | null;
  /** The label a `labeled` event put on, or an `unlabeled` event took off. */
  readonly label?: string | undefined;
  readonly receivedAt: string;
  /** Set when the job comes from a command in a pull request comment (trigger `command`). */
  readonly command?: PullCommand | undefined;
  /** Set on a job that asks a provider whether a waiting batch review has ended. */
  readonly batchPoll?: BatchPoll | undefined;
}

/** Which waiting batch review to ask about (its id in the ledger), and how many times so far. */
export interface BatchPoll {
  readonly pendingId: string;
  /** 1 for the first poll. */
  readonly poll: number;
}

/** The commands a pull request comment may hold (README, "Commands in pull request comments"). */
export type CommandName =
  'review' | 'review-deep' | 'review-fast' | 'review-skip' | 'cost' | 'help';

export interface PullCommand {
  readonly name: CommandName;
  /** The issue comment that holds the command: reactions and replies go to it. */
  readonly commentId: number;
  /** Who wrote the comment: the permission check is for this login. */
  readonly author: string;
}

/** Facts about a pull request that routing and prompting use, read from GitHub. */
export interface PullRequestFacts {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly author: string;
  readonly authorAssociation: string;
  readonly labels: readonly string[];
  readonly draft: boolean;
  readonly state: 'open' | 'closed';
  readonly baseRef: string;
  readonly headRef: string;
  readonly headSha: string;
  /** The base branch's commit GitHub compares against (for code the change removes). */
  readonly baseSha?: string;
  readonly htmlUrl: string;
}

/** Whether a report filter names a repository as `owner/name`. */
export const isOwnerAndName = (value: string): boolean => /^[^/\s]+\/[^/\s]+$/.test(value);

export const repoFullName = (job: { owner: string; repo: string }): string =>
  `${job.owner}/${job.repo}`;
