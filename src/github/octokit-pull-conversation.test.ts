import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokitGitHub } from './octokit-github.js';

const API = 'https://api.github.com';
const REPO = { owner: 'acme', repo: 'api' } as const;
const PULL = { ...REPO, pr: 7 } as const;

const github = () =>
  createOctokitGitHub(
    new ProbotOctokit({
      auth: { token: 'test' },
      retry: { enabled: false },
      throttle: { enabled: false },
    }),
  );

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const compareFile = (filename: string) => ({
  sha: 'f'.repeat(40),
  filename,
  status: 'modified',
  additions: 1,
  deletions: 0,
  changes: 1,
  patch: '@@ -1 +1,2 @@\n a\n+b',
});

/** A commit of a comparison, as GitHub lists it: only its parents matter here. */
const commit = (parents: readonly string[]) => ({
  sha: 'f'.repeat(40),
  parents: parents.map((sha) => ({ sha })),
});

describe('compareCommits', () => {
  it('reads the files between two commits from the first page, where GitHub lists them', async () => {
    const scope = nock(API)
      .get(`/repos/acme/api/compare/${'a'.repeat(40)}...${'b'.repeat(40)}`)
      .query({ per_page: '100' })
      .reply(200, {
        status: 'ahead',
        ahead_by: 2,
        behind_by: 0,
        commits: [commit(['c0']), commit(['c1'])],
        files: [compareFile('src/a.ts')],
      });
    const result = await github().compareCommits(REPO, {
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
    });
    scope.done();
    expect(result).toEqual({
      found: true,
      status: 'ahead',
      aheadBy: 2,
      files: [compareFile('src/a.ts')],
      filesCapped: false,
      mayHoldMerge: false,
    });
  });

  it('says a merge may be among the new commits when one has two parents, or some are not listed', async () => {
    const compare = (commits: object[], aheadBy: number) =>
      nock(API)
        .get(/\/repos\/acme\/api\/compare\/a\.\.\.b/)
        .query(true)
        .reply(200, { status: 'ahead', ahead_by: aheadBy, behind_by: 0, commits, files: [] });
    compare([commit(['c0']), commit(['c1', 'main'])], 2);
    expect(await github().compareCommits(REPO, { base: 'a', head: 'b' })).toMatchObject({
      mayHoldMerge: true,
    });
    compare([commit(['c0'])], 101);
    expect(await github().compareCommits(REPO, { base: 'a', head: 'b' })).toMatchObject({
      mayHoldMerge: true,
    });
  });

  it('says when the base is not an ancestor of the head (a force-push)', async () => {
    const scope = nock(API)
      .get(/\/repos\/acme\/api\/compare\/old\.\.\.new/)
      .query(true)
      .reply(200, { status: 'diverged', ahead_by: 1, behind_by: 3, commits: [], files: [] });
    const result = await github().compareCommits(REPO, { base: 'old', head: 'new' });
    scope.done();
    expect(result).toMatchObject({ found: true, status: 'diverged' });
  });

  it.each([404, 422])('answers found: false when GitHub answers %i', async (status) => {
    const scope = nock(API)
      .get(/\/compare\//)
      .query(true)
      .reply(status, { message: 'No commit found for SHA: old' });
    expect(await github().compareCommits(REPO, { base: 'old', head: 'new' })).toEqual({
      found: false,
    });
    scope.done();
  });

  it('marks a list of 300 files as capped', async () => {
    const files = Array.from({ length: 300 }, (_, index) => compareFile(`src/f${index}.ts`));
    nock(API)
      .get(/\/compare\//)
      .query(true)
      .reply(200, { status: 'ahead', ahead_by: 1, behind_by: 0, commits: [], files });
    expect(await github().compareCommits(REPO, { base: 'a', head: 'b' })).toMatchObject({
      filesCapped: true,
    });
  });
});

describe('getPermission', () => {
  it.each([
    [{ permission: 'admin', role_name: 'admin' }, 'admin'],
    [{ permission: 'write', role_name: 'maintain' }, 'maintain'],
    [{ permission: 'write', role_name: 'write' }, 'write'],
    [{ permission: 'read', role_name: 'triage' }, 'triage'],
    [{ permission: 'read', role_name: 'read' }, 'read'],
    [{ permission: 'none', role_name: 'none' }, 'none'],
    [{ permission: 'write', role_name: 'custom-deployer' }, 'write'],
  ])('reads %j as %s', async (body, expected) => {
    const scope = nock(API)
      .get('/repos/acme/api/collaborators/octocat/permission')
      .reply(200, { ...body, user: { login: 'octocat' } });
    expect(await github().getPermission(REPO, 'octocat')).toBe(expected);
    scope.done();
  });

  it('treats a user GitHub does not know as having no access', async () => {
    nock(API)
      .get('/repos/acme/api/collaborators/ghost/permission')
      .reply(404, { message: 'Not Found' });
    expect(await github().getPermission(REPO, 'ghost')).toBe('none');
  });

  it('lets any other failure through, so the job is retried', async () => {
    nock(API)
      .get('/repos/acme/api/collaborators/octocat/permission')
      .reply(500, { message: 'boom' });
    await expect(github().getPermission(REPO, 'octocat')).rejects.toMatchObject({ status: 500 });
  });
});

describe('comments and reactions', () => {
  it('posts a comment on the pull request conversation', async () => {
    const scope = nock(API)
      .post('/repos/acme/api/issues/7/comments', { body: 'Spent so far: $0.02' })
      .reply(201, { id: 555, html_url: 'https://github.com/acme/api/pull/7#issuecomment-555' });
    expect(await github().createIssueComment(PULL, 'Spent so far: $0.02')).toEqual({
      id: 555,
      url: 'https://github.com/acme/api/pull/7#issuecomment-555',
    });
    scope.done();
  });

  it('reacts to an issue comment', async () => {
    const scope = nock(API)
      .post('/repos/acme/api/issues/comments/901/reactions', { content: '+1' })
      .reply(201, { id: 1, content: '+1' });
    await github().addReaction(REPO, { commentId: 901, content: '+1' });
    scope.done();
  });
});

describe('reviews', () => {
  it('reads and replaces the body of an earlier review', async () => {
    const scope = nock(API)
      .get('/repos/acme/api/pulls/7/reviews/80')
      .reply(200, { id: 80, body: 'old summary' })
      .put('/repos/acme/api/pulls/7/reviews/80', { body: 'collapsed' })
      .reply(200, { id: 80, body: 'collapsed' });
    expect(await github().getReviewBody(PULL, 80)).toBe('old summary');
    await github().updateReviewBody(PULL, { id: 80, body: 'collapsed' });
    scope.done();
  });

  it('answers null for a review that no longer exists', async () => {
    nock(API).get('/repos/acme/api/pulls/7/reviews/81').reply(404, { message: 'Not Found' });
    expect(await github().getReviewBody(PULL, 81)).toBeNull();
  });
});

describe('listReviewThreads', () => {
  it('reads every page of review threads with their first comment', async () => {
    const variables: unknown[] = [];
    const page = (cursor: string | null, hasNextPage: boolean, resolved: boolean) => ({
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c1' : null },
              nodes: [
                {
                  isResolved: resolved,
                  comments: {
                    nodes: [{ databaseId: resolved ? 1 : 2, body: `thread after ${cursor}` }],
                  },
                },
              ],
            },
          },
        },
      },
    });
    const scope = nock(API)
      .post('/graphql', (body: { variables: unknown }) => {
        variables.push(body.variables);
        return true;
      })
      .reply(200, page(null, true, true))
      .post('/graphql')
      .reply(200, page('c1', false, false));
    const threads = await github().listReviewThreads(PULL);
    scope.done();
    expect(variables[0]).toEqual({ owner: 'acme', repo: 'api', pr: 7, cursor: null });
    expect(threads).toEqual([
      { isResolved: true, comments: [{ databaseId: 1, body: 'thread after null' }] },
      { isResolved: false, comments: [{ databaseId: 2, body: 'thread after c1' }] },
    ]);
  });
});
