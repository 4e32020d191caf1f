/**
 * nock scopes for what the app says and reads on a pull request's conversation: compare, the
 * permission API, replies, reactions, review threads (GraphQL) and an older review's body.
 */
import nock from 'nock';
import { GITHUB_API } from './github-mock.js';

export interface Talk {
  comments: Array<Record<string, any>>;
  reactions: Array<Record<string, any>>;
  reviewUpdates: Array<Record<string, any>>;
  graphql: Array<Record<string, any>>;
}

export const newTalk = (): Talk => ({
  comments: [],
  reactions: [],
  reviewUpdates: [],
  graphql: [],
});

const record = (
  scope: nock.Scope,
  method: string,
  path: RegExp,
  list: Array<Record<string, any>>,
) =>
  scope.on('request', (req: Request, _interceptor: unknown, body: string) => {
    if (req.method === method && path.test(new URL(req.url).pathname))
      list.push(JSON.parse(body) as Record<string, any>);
  });

/** `GET /compare/{base}...{head}` answering with these files (status ahead), or an HTTP error. */
export const mockCompare = (
  base: string,
  head: string,
  answer:
    | { files: ReadonlyArray<Record<string, any>>; aheadBy?: number; status?: string }
    | { error: number },
) => {
  const scope = nock(GITHUB_API).get(`/repos/acme/api/compare/${base}...${head}`).query(true);
  return 'error' in answer
    ? scope.reply(answer.error, { message: `No commit found for SHA: ${base}` })
    : scope.reply(200, {
        status: answer.status ?? 'ahead',
        ahead_by: answer.aheadBy ?? 1,
        behind_by: 0,
        total_commits: answer.aheadBy ?? 1,
        commits: [],
        files: answer.files,
      });
};

/** The permission API for one user: `role` is role_name; `permission` folds maintain and triage. */
export const mockPermission = (user: string, role: string) =>
  nock(GITHUB_API)
    .get(`/repos/acme/api/collaborators/${user}/permission`)
    .reply(200, {
      permission: role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role,
      role_name: role,
      user: { login: user },
    });

export const mockIssueComments = (talk: Talk, times = 1) => {
  const scope = nock(GITHUB_API)
    .post('/repos/acme/api/issues/7/comments')
    .times(times)
    .reply(201, { id: 7001, html_url: 'https://github.com/acme/api/pull/7#issuecomment-7001' });
  record(scope, 'POST', /\/issues\/7\/comments$/, talk.comments);
  return scope;
};

export const mockReaction = (talk: Talk, commentId = 901) => {
  const scope = nock(GITHUB_API)
    .post(`/repos/acme/api/issues/comments/${commentId}/reactions`)
    .reply(201, { id: 1, content: '+1' });
  record(scope, 'POST', /\/reactions$/, talk.reactions);
  return scope;
};

/** The pull request's review threads, each with its first comment's body. */
export const mockReviewThreads = (
  talk: Talk,
  threads: Array<{ resolved: boolean; body: string; id?: number }>,
) => {
  const scope = nock(GITHUB_API)
    .post('/graphql')
    .reply(200, {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: threads.map((thread, index) => ({
                isResolved: thread.resolved,
                comments: { nodes: [{ databaseId: thread.id ?? 5000 + index, body: thread.body }] },
              })),
            },
          },
        },
      },
    });
  record(scope, 'POST', /\/graphql$/, talk.graphql);
  return scope;
};

/** The review that held the summary: read, then replaced by a pointer. */
export const mockSummaryCollapse = (talk: Talk, reviewId: number, body: string) => {
  const scope = nock(GITHUB_API)
    .get(`/repos/acme/api/pulls/7/reviews/${reviewId}`)
    .reply(200, { id: reviewId, body })
    .put(`/repos/acme/api/pulls/7/reviews/${reviewId}`)
    .reply(200, { id: reviewId });
  record(scope, 'PUT', /\/reviews\/\d+$/, talk.reviewUpdates);
  return scope;
};
