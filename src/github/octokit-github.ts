import type { ProbotOctokit } from 'probot';
import { CHECK_RUN_NAME, type PullRequestFacts } from '../domain/review-job.js';
import { httpStatus } from '../domain/http-status.js';
import { defuseMentions } from '../domain/defuse-mentions.js';
import {
  createBlobReader,
  createOctokitCodeSource,
  type BlobReader,
} from './octokit-code-source.js';
import { createOctokitFindingThreads } from './octokit-finding-threads.js';
import { deletePendingReviews, isPendingConflict } from './pending-reviews.js';
import { createOctokitConversation } from './octokit-pull-conversation.js';
import type {
  CheckConclusion,
  CheckRunOutput,
  GitHubFile,
  GitHubPort,
  InlineComment,
  LoadedConfig,
  PullRef,
  RepoRef,
  ReviewPayload,
} from './types.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;

/** GitHub caps a check run's summary and text at 65,535 bytes of UTF-8, with room to spare. */
export const MAX_CHECK_TEXT_BYTES = 65_000;

/** `text` within MAX_CHECK_TEXT_BYTES, cut on a character boundary and marked when cut. */
export const capCheckText = (text: string): string => {
  if (Buffer.byteLength(text, 'utf8') <= MAX_CHECK_TEXT_BYTES) return text;
  const marker = '\n\n… (truncated)';
  const room = MAX_CHECK_TEXT_BYTES - Buffer.byteLength(marker, 'utf8');
  // A cut inside a character decodes to U+FFFD: drop it, the character is left out whole.
  const head = new TextDecoder().decode(Buffer.from(text, 'utf8').subarray(0, room));
  return `${head.replace(/\uFFFD$/, '')}${marker}`;
};

/** No text of a check run (a routing reason naming `packages/@acme/ui/`, a provider's error) mentions anyone. */
const toOutput = (output: CheckRunOutput) => ({
  title: defuseMentions(output.title).slice(0, 250),
  summary: capCheckText(defuseMentions(output.summary)),
  ...(output.text === undefined ? {} : { text: capCheckText(defuseMentions(output.text)) }),
});

/** One blob reader per repository, so the head's and the base's reads of a round share a request. */
const blobReaders = (octokit: Octokit) => {
  const readers = new Map<string, BlobReader>();
  return (ref: RepoRef): BlobReader => {
    const key = `${ref.owner}/${ref.repo}`;
    const reader = readers.get(key) ?? createBlobReader(octokit, ref);
    readers.set(key, reader);
    return reader;
  };
};

export const createOctokitGitHub = (octokit: Octokit): GitHubPort => {
  const readerFor = blobReaders(octokit);
  return createPort(octokit, readerFor);
};

const createPort = (octokit: Octokit, readerFor: (ref: RepoRef) => BlobReader): GitHubPort => ({
  async getPullRequest({ owner, repo, pr }: PullRef): Promise<PullRequestFacts> {
    const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr });
    return {
      number: data.number,
      title: data.title,
      body: data.body ?? '',
      author: data.user?.login ?? 'ghost',
      authorAssociation: data.author_association,
      labels: data.labels.map((label) => label.name),
      draft: data.draft ?? false,
      state: data.state === 'closed' ? 'closed' : 'open',
      baseRef: data.base.ref,
      headRef: data.head.ref,
      headSha: data.head.sha,
      baseSha: data.base.sha,
      htmlUrl: data.html_url,
    };
  },

  codeSource: (ref: RepoRef, commit: string) =>
    createOctokitCodeSource(octokit, ref, commit, readerFor(ref)),

  async listFiles({ owner, repo, pr }: PullRef) {
    const files: GitHubFile[] = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: pr,
      per_page: 100,
    });
    return { files, truncated: files.length >= MAX_LISTED_FILES };
  },

  async loadConfig({ owner, repo }: RepoRef, path: string): Promise<LoadedConfig> {
    const { files } = await octokit.config.get({ owner, repo, path });
    return {
      files: files.map((file) => ({
        owner: file.owner,
        repo: file.repo,
        path: file.path,
        config: file.config,
      })),
    };
  },

  async readFile({ owner, repo }: RepoRef, path: string): Promise<string | null> {
    try {
      // The raw media type, as Probot's config loader asks for it: the file's text, not JSON.
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner,
        repo,
        path,
        mediaType: { format: 'raw' },
      });
      return typeof data === 'string' ? data : null;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  },

  async createCheckRun(ref: RepoRef & { pr?: number }, headSha: string, output: CheckRunOutput) {
    const { data } = await octokit.rest.checks.create({
      owner: ref.owner,
      repo: ref.repo,
      name: CHECK_RUN_NAME,
      head_sha: headSha,
      // "Re-run" on it names the pull request by this: GitHub lists none for a fork's.
      ...(ref.pr === undefined ? {} : { external_id: String(ref.pr) }),
      status: 'in_progress',
      started_at: new Date().toISOString(),
      output: toOutput(output),
    });
    return data.id;
  },

  async completeCheckRun(
    { owner, repo }: RepoRef,
    checkRunId: number,
    conclusion: CheckConclusion,
    output: CheckRunOutput,
  ) {
    await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: checkRunId,
      status: 'completed',
      conclusion,
      completed_at: new Date().toISOString(),
      output: toOutput(output),
    });
  },

  async createReview(ref: PullRef, review: ReviewPayload) {
    const post = () =>
      octokit.rest.pulls.createReview({
        owner: ref.owner,
        repo: ref.repo,
        pull_number: ref.pr,
        commit_id: review.commitId,
        event: 'COMMENT',
        body: review.body,
        comments: review.comments.map((comment) => ({ ...comment })),
        // A retried POST could post the review twice: after an error that may have come once
        // GitHub made it, the publish step looks for it instead (postPlacedReview).
        request: { retries: 0 },
      });
    const { data } = await post().catch(async (error: unknown) => {
      // A pending review of the app's own (a probe whose delete failed) blocks every review:
      // GitHub holds one per user and pull request. It goes, and the review posts.
      if (!isPendingConflict(error)) throw error;
      await deletePendingReviews(octokit, ref);
      return post();
    });
    return { id: data.id, url: data.html_url };
  },

  async findReview({ owner, repo, pr }: PullRef, commitId: string, marks: readonly string[]) {
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number: pr,
      per_page: 100,
    });
    // Only a bot's review counts: a person's review that quotes the marks is not the app's.
    const found = reviews.find(
      (review) =>
        review.user?.type === 'Bot' &&
        review.commit_id === commitId &&
        marks.every((mark) => (review.body ?? '').includes(mark)),
    );
    return found === undefined ? null : { id: found.id, url: found.html_url };
  },

  async acceptsComments(
    { owner, repo, pr }: PullRef,
    commitId: string,
    comments: readonly InlineComment[],
  ) {
    try {
      // No event: the review stays PENDING, visible to nobody, and is deleted straight away.
      const { data } = await octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: pr,
        commit_id: commitId,
        comments: comments.map((comment) => ({ ...comment })),
      });
      await octokit.rest.pulls
        .deletePendingReview({ owner, repo, pull_number: pr, review_id: data.id })
        // Left behind, it would block the review itself: try once more, by listing.
        .catch(() => deletePendingReviews(octokit, { owner, repo, pr }));
      return true;
    } catch (error) {
      if (httpStatus(error) === 422) return false;
      throw error;
    }
  },

  ...createOctokitConversation(octokit),
  ...createOctokitFindingThreads(octokit),
});
