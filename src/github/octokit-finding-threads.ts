/**
 * The review threads of a pull request with what the feedback on findings reads at close: who
 * resolved each, every comment's author, and the +1 and -1 reactions to its first comment, read
 * by the shared paging of `octokit-review-thread-pages.ts` (100 threads a page). Reactions are asked
 * of the first comment only, which keeps a page near 15,000 nodes, far below GitHub's limit of
 * 500,000.
 */
import type { ProbotOctokit } from 'probot';
import { readReviewThreadPages, reviewThreadsQuery } from './octokit-review-thread-pages.js';
import type { FindingThread, GitHubActor, GitHubPort } from './types.js';

type Octokit = InstanceType<typeof ProbotOctokit>;

const FINDING_THREADS_QUERY = reviewThreadsQuery(/* GraphQL */ `
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
`);

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
  readFindingThreads: (ref) => readReviewThreadPages(octokit, ref, FINDING_THREADS_QUERY, toThread),
});
