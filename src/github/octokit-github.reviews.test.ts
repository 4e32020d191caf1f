import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokitGitHub } from './octokit-github.js';

const API = 'https://api.github.com';
const PULL = { owner: 'acme', repo: 'api', pr: 7 } as const;
const HEAD = 'a'.repeat(40);
const MARKS = ['<!-- review-router:summary -->', '### review-router · fast review'];

/** Probot's Octokit with its retry plugin on, as the app runs it. */
const github = () =>
  createOctokitGitHub(
    new ProbotOctokit({
      auth: { token: 'test' },
      retry: { enabled: true, retryAfterBaseValue: 1 },
      throttle: { enabled: false },
    }),
  );

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('createReview', () => {
  it('never posts twice: a 5xx is not retried, since GitHub may have created the review', async () => {
    const scope = nock(API)
      .post('/repos/acme/api/pulls/7/reviews')
      .reply(502, { message: 'Server Error' });

    await expect(
      github().createReview(PULL, { commitId: HEAD, body: 'summary', comments: [] }),
    ).rejects.toMatchObject({ status: 502 });
    scope.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("deletes a pending review of the app's own that blocks it, then posts", async () => {
    const scope = nock(API)
      .post('/repos/acme/api/pulls/7/reviews')
      .reply(422, {
        message: 'Unprocessable Entity',
        errors: ['User can only have one pending review per pull request'],
      })
      .get('/repos/acme/api/pulls/7/reviews')
      .query({ per_page: '100' })
      .reply(200, [
        { id: 11, state: 'COMMENTED' },
        { id: 12, state: 'PENDING' },
      ])
      .delete('/repos/acme/api/pulls/7/reviews/12')
      .reply(200, { id: 12 })
      .post('/repos/acme/api/pulls/7/reviews')
      .reply(200, { id: 13, html_url: 'https://github.com/acme/api/pull/7#pullrequestreview-13' });

    const posted = await github().createReview(PULL, {
      commitId: HEAD,
      body: 'summary',
      comments: [],
    });
    scope.done();
    expect(posted.id).toBe(13);
  });
});

describe('acceptsComments', () => {
  it('deletes its probe by listing when the first delete fails, so nothing is left pending', async () => {
    const scope = nock(API)
      .post('/repos/acme/api/pulls/7/reviews')
      .reply(200, { id: 21, state: 'PENDING' })
      .delete('/repos/acme/api/pulls/7/reviews/21')
      .times(4)
      .reply(502, { message: 'Server Error' })
      .get('/repos/acme/api/pulls/7/reviews')
      .query({ per_page: '100' })
      .reply(200, [{ id: 21, state: 'PENDING' }])
      .delete('/repos/acme/api/pulls/7/reviews/21')
      .reply(200, { id: 21 });

    const comment = { path: 'src/a.ts', line: 3, side: 'RIGHT' as const, body: 'x' };
    expect(await github().acceptsComments(PULL, HEAD, [comment])).toBe(true);
    scope.done();
  });
});

describe('findReview', () => {
  const review = (id: number, commitId: string, body: string | null, type = 'Bot') => ({
    id,
    user: { login: type === 'Bot' ? 'review-router[bot]' : 'mallory', type },
    commit_id: commitId,
    body,
    html_url: `https://github.com/acme/api/pull/7#pullrequestreview-${id}`,
  });

  it("finds the app's review of the commit across pages, by every mark", async () => {
    const scope = nock(API)
      .get('/repos/acme/api/pulls/7/reviews')
      .query({ per_page: '100' })
      .reply(200, [review(1, HEAD, 'LGTM'), review(2, 'b'.repeat(40), MARKS.join('\n'))], {
        link: '<https://api.github.com/repos/acme/api/pulls/7/reviews?per_page=100&page=2>; rel="next"',
      })
      .get('/repos/acme/api/pulls/7/reviews')
      .query({ per_page: '100', page: '2' })
      .reply(200, [
        review(3, HEAD, `${MARKS[0]}\n### review-router · deep review`),
        review(4, HEAD, MARKS.join('\n')),
      ]);

    expect(await github().findReview(PULL, HEAD, MARKS)).toEqual({
      id: 4,
      url: 'https://github.com/acme/api/pull/7#pullrequestreview-4',
    });
    scope.done();
  });

  it('says none when no review holds the marks', async () => {
    nock(API)
      .get('/repos/acme/api/pulls/7/reviews')
      .query(true)
      .reply(200, [review(1, HEAD, null)]);
    expect(await github().findReview(PULL, HEAD, MARKS)).toBeNull();
  });

  it("does not take a person's review that quotes the marks for the app's", async () => {
    const scope = nock(API)
      .get('/repos/acme/api/pulls/7/reviews')
      .query({ per_page: '100' })
      .reply(200, [review(5, HEAD, MARKS.join('\n'), 'User')]);

    expect(await github().findReview(PULL, HEAD, MARKS)).toBeNull();
    scope.done();
  });
});
