/**
 * The paging both readers of a pull request's review threads share: one GraphQL query, 100
 * threads a page, at most `MAX_THREAD_PAGES` pages; each caller says which fields of a thread it
 * asks for and how it reads them.
 */
import type { ProbotOctokit } from 'probot';
import type { PullRef } from './types.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** A pull request with more than this many pages of 100 threads is cut. */
const MAX_THREAD_PAGES = 20;

/** The query for one page of threads, each with `threadFields` (a GraphQL selection). */
export const reviewThreadsQuery = (threadFields: string): string => /* GraphQL */ `
  query ($owner: String!, $repo: String!, $pr: Int!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $pr) {
        reviewThreads(first: 100, after: $cursor) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ${threadFields}
          }
        }
      }
    }
  }
`;

interface ThreadsPage<Node> {
  readonly repository: {
    readonly pullRequest: {
      readonly reviewThreads: {
        readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
        readonly nodes: ReadonlyArray<Node | null>;
      };
    } | null;
  } | null;
}

/** Every thread of the pull request (up to the page limit), each read by `toThread`. */
export const readReviewThreadPages = async <Node, Thread>(
  octokit: Octokit,
  { owner, repo, pr }: PullRef,
  query: string,
  toThread: (node: Node) => Thread,
): Promise<Thread[]> => {
  const threads: Thread[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_THREAD_PAGES; page += 1) {
    const data: ThreadsPage<Node> = await octokit.graphql<ThreadsPage<Node>>(query, {
      owner,
      repo,
      pr,
      cursor,
    });
    const connection = data.repository?.pullRequest?.reviewThreads;
    if (!connection) break;
    for (const node of connection.nodes) if (node) threads.push(toThread(node));
    if (!connection.pageInfo.hasNextPage) break;
    cursor = connection.pageInfo.endCursor;
  }
  return threads;
};
