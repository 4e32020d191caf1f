/** The GraphQL answer the feedback on findings reads at close: threads, replies, reactions. */
import nock from 'nock';
import { GITHUB_API } from './github-mock.js';

export interface ThreadAtClose {
  body: string;
  resolvedBy?: string | null;
  replies?: Array<{ login: string; bot?: boolean }>;
  up?: string[];
  down?: string[];
}

const user = (login: string, bot = login.endsWith('[bot]')) => ({
  login,
  __typename: bot ? 'Bot' : 'User',
});
const reactions = (logins: string[] = []) => ({
  nodes: logins.map((login) => ({ user: user(login) })),
});

export const mockFindingThreads = (threads: ThreadAtClose[], graphql: unknown[] = []) =>
  nock(GITHUB_API)
    // nock may try this matcher on any request to the host, a GET without a body included.
    .post('/graphql', (body: { query?: string; variables?: unknown } | string) => {
      if (typeof body !== 'object' || typeof body.query !== 'string') return false;
      if (!body.query.includes('thumbsUp')) return false;
      graphql.push(body.variables);
      return true;
    })
    .reply(200, {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: threads.map((thread) => ({
                isResolved: thread.resolvedBy !== undefined && thread.resolvedBy !== null,
                resolvedBy: thread.resolvedBy ? user(thread.resolvedBy) : null,
                opening: {
                  nodes: [
                    {
                      body: thread.body,
                      author: user('review-router', true),
                      thumbsUp: reactions(thread.up),
                      thumbsDown: reactions(thread.down),
                    },
                  ],
                },
                replies: {
                  nodes: [
                    { author: user('review-router', true) },
                    ...(thread.replies ?? []).map((reply) => ({
                      author: user(reply.login, reply.bot ?? false),
                    })),
                  ],
                },
              })),
            },
          },
        },
      },
    });
