/** The GitHub port: what the worker reads from and writes to GitHub, in plain data. */
import type { PullRequestFacts } from '../domain/review-job.js';
import type { Side } from '../domain/diff.js';

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

export interface GitHubPort {
  getPullRequest(ref: PullRef): Promise<PullRequestFacts>;
  listFiles(ref: PullRef): Promise<{ files: GitHubFile[]; truncated: boolean }>;
  /** The policy file through Probot's config loader: default branch, `_extends`, org `.github`. */
  loadConfig(ref: RepoRef, path: string): Promise<LoadedConfig>;
  /** The raw text of a file on the default branch, null when absent (to locate policy errors). */
  readFile(ref: RepoRef, path: string): Promise<string | null>;
  createCheckRun(ref: RepoRef, headSha: string, output: CheckRunOutput): Promise<number>;
  completeCheckRun(
    ref: RepoRef,
    checkRunId: number,
    conclusion: CheckConclusion,
    output: CheckRunOutput,
  ): Promise<void>;
  /** Posts one review with event COMMENT. Returns the review's id and html_url. */
  createReview(ref: PullRef, review: ReviewPayload): Promise<{ id: number; url: string }>;
}
