/**
 * GitHub faults with the Octokit the app runs with in production: Probot's retry
 * and throttling plugins, with rate-limit handlers that give up (src/github/app-octokit.ts). A
 * 502 and a secondary rate limit are waited out and the review posts once; a rate limit that
 * does not lift fails the job, whose dead letter is a failed check run, and the model's answer,
 * paid for but never posted, is still in the ledger.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createAppOctokit, RATE_LIMIT_RETRIES } from '../../src/github/app-octokit.js';
import { reviewMarks } from '../../src/publish/render-summary.js';
import { GITHUB_API, mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'ba5e'.padEnd(40, '0');
const FILES = [
  prFile(
    'src/utils/format-date.ts',
    '@@ -1,3 +1,4 @@\n export const f = () => {\n-  return 1;\n+  const x = 1;\n+  return x;\n };',
  ),
];
const SECONDARY_LIMIT = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url:
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
};

let app: TestApp;

useTestApp(
  () => ({
    now: () => new Date('2026-11-21T10:00:00.000Z'),
    // Production's plugins and handlers; GitHub's "seconds" (and the 502 backoff) in milliseconds.
    Octokit: createAppOctokit({ throttle: true, retryAfterBaseValue: 1 }),
  }),
  (started) => {
    app = started;
  },
);

const deliver = async (id: string) => {
  await app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
  });
  await app.queue.idle();
};

const answer = () =>
  nock(OPENAI_TEST_ORIGIN)
    .post('/v1/responses')
    .reply(200, openAIResponse({ answer: modelAnswer({ summary: 'Looks fine.' }) }));

describe('when GitHub fails', () => {
  it('retries a 502 and waits out a secondary rate limit, then posts the review once', async () => {
    const flaky = nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7/files')
      .query({ per_page: '100' })
      .reply(502, 'Bad Gateway')
      .post('/repos/acme/api/pulls/7/reviews')
      .reply(403, SECONDARY_LIMIT, { 'retry-after': '2' });
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = answer();

    await deliver('delivery-github-flaky');

    expect(app.errors).toEqual([]);
    flaky.done();
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    expect(github.sent.reviews).toHaveLength(1);
    expect(github.sent.checkRunUpdates[0]).toMatchObject({ conclusion: 'success' });
    const rows = await app.ledger.list();
    expect(rows.map((row) => row.outcome)).toEqual(['posted']);
  });

  it('gives up on a rate limit that does not lift: a failed check run, and the answer still costed', async () => {
    const limited = nock(GITHUB_API)
      .post('/repos/acme/api/pulls/7/reviews')
      .times(RATE_LIMIT_RETRIES + 1)
      .reply(403, SECONDARY_LIMIT, { 'retry-after': '1' });
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
    // One check run for the review (ended "interrupted"), one for the dead letter.
    const checks = mockChecks(github.sent, { times: 2 });
    const openai = answer();

    await deliver('delivery-github-limited');

    expect(app.errors).toHaveLength(1);
    limited.done();
    github.scope.done();
    checks.done();
    openai.done();
    expect(github.sent.reviews).toEqual([]);
    expect(github.sent.checkRunUpdates.map((update) => update.conclusion)).toEqual([
      'neutral',
      'failure',
    ]);
    expect(github.sent.checkRunUpdates[1]?.output.summary).toMatch(/secondary rate limit/);
    const rows = await app.ledger.list();
    const notPosted = rows.find((row) => row.tier === 'fast');
    expect(notPosted).toMatchObject({ outcome: 'failed' });
    expect(notPosted?.costUsd).toBeGreaterThan(0);
    expect(notPosted?.error).toMatch(/^not posted: .*secondary rate limit/);
  });

  it('takes a review GitHub made before it answered 502 for the one posted, and posts no second', async () => {
    const lost = nock(GITHUB_API)
      .post('/repos/acme/api/pulls/7/reviews')
      .reply(502, 'Bad Gateway')
      .get('/repos/acme/api/pulls/7/reviews')
      .query({ per_page: '100' })
      .reply(200, [
        {
          id: 4242,
          user: { login: 'review-router[bot]', type: 'Bot' },
          commit_id: HEAD,
          body: `${reviewMarks('fast').join('\n')}\nThe review GitHub made.`,
          html_url: 'https://github.com/acme/api/pull/7#pullrequestreview-4242',
        },
      ]);
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
    const checks = mockChecks(github.sent);
    const openai = answer();

    await deliver('delivery-github-lost-answer');

    expect(app.errors).toEqual([]);
    lost.done();
    github.scope.done();
    checks.done();
    openai.done();
    expect(github.sent.checkRunUpdates.map((update) => update.conclusion)).toEqual(['success']);
    const rows = await app.ledger.list();
    expect(rows.map((row) => row.outcome)).toEqual(['posted']);
  });
});
