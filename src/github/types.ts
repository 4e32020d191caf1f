/** The GitHub port: what the worker reads from and writes to GitHub, in plain data. */
import type { PullRequestFacts } from '../domain/review-job.js';
import type { Side } from '../domain/diff.js';
import type { CodeSource } from '../context/types.js';

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface PullRef extends RepoRef {
  readonly pr: number;
}

/** One entry of `GET /repos/{o}/{r}/pulls/{n}/files`, the fields we use. */
export interface GitHubFile {
  readonly filename: string;
  readonly previous_filename?: string | undefined;
  readonly status: string;
  readonly additions: number;
  readonly deletions: number;
  readonly changes: number;
  readonly patch?: string | undefined;
}

export interface PolicyFileSource {
  readonly owner: string;
  readonly repo: string;
  readonly path: string;
  /** That file's own parsed content, null when it does not exist. */
  readonly config: Record<string, unknown> | null;
}

export interface LoadedConfig {
  /** The files the configuration came from, in `_extends` order (the repository's own first). */
  readonly files: readonly PolicyFileSource[];
}

export interface CheckRunOutput {
  readonly title: string;
  readonly summary: string;
  readonly text?: string;
}

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'skipped' | 'cancelled';

export interface InlineComment {
  readonly path: string;
  readonly line: number;
  readonly side: Side;
  readonly start_line?: number;
  readonly start_side?: Side;
  readonly body: string;
}

export interface ReviewPayload {
  readonly commitId: string;
  readonly body: string;
  readonly comments: readonly InlineComment[];
}

/** How `head` relates to `base` in the compare API. */
export type CompareStatus = 'ahead' | 'behind' | 'identical' | 'diverged';

/**
 * `GET /repos/{o}/{r}/compare/{base}...{head}`: `found: false` when GitHub no longer knows one of
 * the commits (a force-push dropped it). `files` has the same fields as a pull request's files.
 */
export type CompareResult =
  | {
      readonly found: true;
      readonly status: CompareStatus;
      /** Commits in head that base does not have. */
      readonly aheadBy: number;
      readonly files: GitHubFile[];
      /** True when GitHub listed only the first 300 files: the list is incomplete. */
      readonly filesCapped: boolean;
      /**
       * False when every new commit was listed and none has two parents; true otherwise: a merge
       * (of the base branch, most often) may have brought changes that are not head's own.
       */
      readonly mayHoldMerge: boolean;
    }
  | { readonly found: false };

/** A user's role on a repository (`role_name` of the collaborator permission API). */
export type RepoPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export type ReactionContent =
  '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';

/** A review thread of the pull request, with the comments the app reads back its markers from. */
export interface ReviewThread {
  readonly isResolved: boolean;
  readonly comments: readonly { readonly databaseId: number | null; readonly body: string }[];
}

/** Who did something on GitHub: a person, or a bot (the app itself included). */
export interface GitHubActor {
  readonly login: string;
  readonly isBot: boolean;
}

/**
 * A review thread as the feedback on findings reads it at close: its resolution, every comment
 * (the first carries the finding's marker; only the first comes with its body) and the +1 and -1
 * reactions to the first comment.
 */
export interface FindingThread {
  readonly isResolved: boolean;
  readonly resolvedBy: GitHubActor | null;
  readonly comments: readonly { readonly body: string; readonly author: GitHubActor | null }[];
  readonly reactions: readonly {
    readonly content: '+1' | '-1';
    readonly user: GitHubActor | null;
  }[];
}

export interface GitHubPort {
  getPullRequest(ref: PullRef): Promise<PullRequestFacts>;
  /**
   * The files of one commit of the repository, for code context (a tree listing and batched
   * reads). Absent on a GitHub that cannot read code: reviews then see the diff alone.
   */
  codeSource?(ref: RepoRef, commit: string): CodeSource;
  listFiles(ref: PullRef): Promise<{ files: GitHubFile[]; truncated: boolean }>;
  /** The policy file through Probot's config loader: default branch, `_extends`, org `.github`. */
  loadConfig(ref: RepoRef, path: string): Promise<LoadedConfig>;
  /** The raw text of a file on the default branch, null when absent (to locate policy errors). */
  readFile(ref: RepoRef, path: string): Promise<string | null>;
  /** With `ref.pr`, the check run carries the pull request's number (its `external_id`). */
  createCheckRun(
    ref: RepoRef & { readonly pr?: number },
    headSha: string,
    output: CheckRunOutput,
  ): Promise<number>;
  completeCheckRun(
    ref: RepoRef,
    checkRunId: number,
    conclusion: CheckConclusion,
    output: CheckRunOutput,
  ): Promise<void>;
  /**
   * Posts one review with event COMMENT, never retried by the client: GitHub may have created a
   * review it answered 5xx for. Returns the review's id and html_url.
   */
  createReview(ref: PullRef, review: ReviewPayload): Promise<{ id: number; url: string }>;
  /**
   * A review of the pull request on `commitId` whose body holds every one of `marks`, or null:
   * what an attempt that took over a stopped one looks for before reviewing again.
   */
  findReview(
    ref: PullRef,
    commitId: string,
    marks: readonly string[],
  ): Promise<{ id: number; url: string } | null>;
  /**
   * Whether GitHub accepts these inline comments, found out with a pending (unsubmitted, visible
   * to nobody) review that is deleted at once. False on GitHub's 422.
   */
  acceptsComments(
    ref: PullRef,
    commitId: string,
    comments: readonly InlineComment[],
  ): Promise<boolean>;
  /** The body of one of the pull request's reviews; null when it no longer exists. */
  getReviewBody(ref: PullRef, reviewId: number): Promise<string | null>;
  /** Replaces a review's body (the summary of an older review, collapsed). */
  updateReviewBody(
    ref: PullRef,
    review: { readonly id: number; readonly body: string },
  ): Promise<void>;
  /** The files changed between two commits, and whether `base` is an ancestor of `head`. */
  compareCommits(
    ref: RepoRef,
    range: { readonly base: string; readonly head: string },
  ): Promise<CompareResult>;
  /** The user's role on the repository, from the permission API; `none` for a stranger. */
  getPermission(ref: RepoRef, username: string): Promise<RepoPermission>;
  /** A comment on the pull request's conversation (a reply to a command). */
  createIssueComment(ref: PullRef, body: string): Promise<{ id: number; url: string }>;
  /** Reacts to an issue comment (a command the app accepted). */
  addReaction(
    ref: RepoRef,
    reaction: { readonly commentId: number; readonly content: ReactionContent },
  ): Promise<void>;
  /** Every review thread of the pull request with its resolution (GraphQL). */
  listReviewThreads(ref: PullRef): Promise<ReviewThread[]>;
  /** Every review thread with its replies and reactions: one GraphQL query (a page per 100 threads). */
  readFindingThreads(ref: PullRef): Promise<FindingThread[]>;
}
