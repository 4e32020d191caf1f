/**
 * The Octokit half of the GitHub port that talks with people on a pull request: commands' replies
 * and reactions, permissions, review threads, older reviews' bodies, and the compare API that
 * incremental reviews read.
 */
import type { ProbotOctokit } from 'probot';
import { httpStatus } from '../domain/http-status.js';
import { readReviewThreadPages, reviewThreadsQuery } from './octokit-review-thread-pages.js';
import type {
  CompareResult,
  CompareStatus,
  GitHubFile,
  GitHubPort,
  RepoPermission,
  ReviewThread,
} from './types.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

type ConversationMethods = Pick<
  GitHubPort,
  | 'getReviewBody'
  | 'updateReviewBody'
  | 'compareCommits'
  | 'getPermission'
  | 'createIssueComment'
  | 'addReaction'
  | 'listReviewThreads'
>;

/** The compare API lists at most 300 files. */
export /** The most commits GitHub lists on a page of a comparison. */
const COMMITS_PER_PAGE = 100;
const MAX_COMPARED_FILES = 300;

const ROLES: readonly RepoPermission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];
const COMPARE_STATUSES: readonly CompareStatus[] = ['ahead', 'behind', 'identical', 'diverged'];

const REVIEW_THREADS_QUERY = reviewThreadsQuery(/* GraphQL */ `
    isResolved
    comments(first: 1) {
      nodes {
        databaseId
        body
      }
    }
`);

interface ReviewThreadNode {
  readonly isResolved: boolean;
  readonly comments: {
    readonly nodes: ReadonlyArray<{ readonly databaseId: number | null; readonly body: string }>;
  };
}

export const createOctokitConversation = (octokit: Octokit): ConversationMethods => ({
  async getReviewBody({ owner, repo, pr }, reviewId) {
    try {
      const { data } = await octokit.rest.pulls.getReview({
        owner,
        repo,
        pull_number: pr,
        review_id: reviewId,
      });
      return data.body;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  },

  async updateReviewBody({ owner, repo, pr }, review) {
    await octokit.rest.pulls.updateReview({
      owner,
      repo,
      pull_number: pr,
      review_id: review.id,
      body: review.body,
    });
  },

  async compareCommits({ owner, repo }, { base, head }): Promise<CompareResult> {
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${head}`,
        // The files come whole on the first page; its commits (oldest first) tell a merge.
        per_page: COMMITS_PER_PAGE,
      });
      const files: GitHubFile[] = data.files ?? [];
      const status = COMPARE_STATUSES.find((known) => known === data.status) ?? 'diverged';
      const commits = data.commits;
      return {
        found: true,
        status,
        aheadBy: data.ahead_by,
        files,
        filesCapped: files.length >= MAX_COMPARED_FILES,
        mayHoldMerge:
          commits.length < data.ahead_by || commits.some((commit) => commit.parents.length > 1),
      };
    } catch (error) {
      // 404: a commit GitHub no longer has; 422: no common history. Either way: no increment.
      const status = httpStatus(error);
      if (status === 404 || status === 422) return { found: false };
      throw error;
    }
  },

  async getPermission({ owner, repo }, username) {
    try {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
        owner,
        repo,
        username,
      });
      // role_name tells maintain from write and triage from read; permission folds them together.
      const role = ROLES.find((known) => known === data.role_name);
      return role ?? ROLES.find((known) => known === data.permission) ?? 'none';
    } catch (error) {
      if (httpStatus(error) === 404) return 'none';
      throw error;
    }
  },

  async createIssueComment({ owner, repo, pr }, body) {
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: pr,
      body,
    });
    return { id: data.id, url: data.html_url };
  },

  async addReaction({ owner, repo }, { commentId, content }) {
    await octokit.rest.reactions.createForIssueComment({
      owner,
      repo,
      comment_id: commentId,
      content,
    });
  },

  listReviewThreads: (ref) =>
    readReviewThreadPages(
      octokit,
      ref,
      REVIEW_THREADS_QUERY,
      (node: ReviewThreadNode): ReviewThread => ({
        isResolved: node.isResolved,
        comments: node.comments.nodes,
      }),
    ),
});
