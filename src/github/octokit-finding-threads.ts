/**
 * The review threads of a pull request with what the feedback on findings reads at close: who
 * resolved each, every comment's author, and the +1 and -1 reactions to its first comment. One
 * GraphQL query, a page per 100 threads; reactions are asked of the first comment only, which
 * keeps a page near 15,000 nodes, far below GitHub's limit of 500,000.
 */
import type { ProbotOctokit } from 'probot';
import type { FindingThread, GitHubActor, GitHubPort } from './types.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** A pull request with more than this many pages of 100 threads is cut. */
const MAX_THREAD_PAGES = 20;

const FINDING_THREADS_QUERY = /* GraphQL */ `
  query ($owner: String!, $repo: String!, $pr: Int!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $pr) {
        reviewThreads(first: 100, after: $cursor) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            isResolved
            resolvedBy {
              login
              __typename
            }
            opening: comments(first: 1) {
              nodes {
                body
                author {
                  login
                  __typename
                }
                thumbsUp: reactions(content: THUMBS_UP, first: 50) {
                  nodes {
                    user {
                      login
                      __typename
                    }
                  }
                }
                thumbsDown: reactions(content: THUMBS_DOWN, first: 50) {
                  nodes {
                    user {
                      login
                      __typename
                    }
                  }
                }
              }
            }
            replies: comments(first: 50) {
              nodes {
                author {
                  login
                  __typename
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface Actor {
  readonly login: string;
  readonly __typename?: string;
}
interface Reactions {
  readonly nodes: ReadonlyArray<{ readonly user: Actor | null } | null>;
}
interface ThreadNode {
  readonly isResolved: boolean;
  readonly resolvedBy: Actor | null;
  /** The first comment only, with its reactions: what the finding's thread is judged on. */
  readonly opening: {
    readonly nodes: ReadonlyArray<{
      readonly body: string;
      readonly author: Actor | null;
      readonly thumbsUp?: Reactions;
      readonly thumbsDown?: Reactions;
    } | null>;
  };
  /** Every comment's author (the first included), without reactions: replies are counted. */
  readonly replies: { readonly nodes: ReadonlyArray<{ readonly author: Actor | null } | null> };
}
interface FindingThreadsPage {
  readonly repository: {
    readonly pullRequest: {
      readonly reviewThreads: {
        readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
        readonly nodes: ReadonlyArray<ThreadNode | null>;
      };
    } | null;
  } | null;
}

const toActor = (actor: Actor | null | undefined): GitHubActor | null =>
  actor ? { login: actor.login, isBot: actor.__typename === 'Bot' } : null;

const reactionsOf = (content: '+1' | '-1', reactions: Reactions | undefined) =>
  (reactions?.nodes ?? []).flatMap((node) => (node ? [{ content, user: toActor(node.user) }] : []));

const toThread = (node: ThreadNode): FindingThread => {
  const first = node.opening.nodes[0] ?? null;
  const replies = node.replies.nodes.slice(1).flatMap((reply) => (reply ? [reply] : []));
  return {
    isResolved: node.isResolved,
    resolvedBy: toActor(node.resolvedBy),
    comments: [
      ...(first ? [{ body: first.body, author: toActor(first.author) }] : []),
      ...replies.map((reply) => ({ body: '', author: toActor(reply.author) })),
    ],
    reactions: [...reactionsOf('+1', first?.thumbsUp), ...reactionsOf('-1', first?.thumbsDown)],
  };
};

export const createOctokitFindingThreads = (
  octokit: Octokit,
): Pick<GitHubPort, 'readFindingThreads'> => ({
  async readFindingThreads({ owner, repo, pr }) {
    const threads: FindingThread[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_THREAD_PAGES; page += 1) {
      const data: FindingThreadsPage = await octokit.graphql<FindingThreadsPage>(
        FINDING_THREADS_QUERY,
        { owner, repo, pr, cursor },
      );
      const connection = data.repository?.pullRequest?.reviewThreads;
      if (!connection) break;
      for (const node of connection.nodes) if (node) threads.push(toThread(node));
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    return threads;
  },
});
