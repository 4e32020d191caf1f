/**
 * A crash mid-review: the job runs again and at most one review is posted per
 * head SHA and tier. The crashed attempt left a running claim in the ledger; once it is older than
 * the claim lease, the retried job takes it over.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleEntry } from '../../src/ledger/sample-entry.js';
import { DEFAULT_LIMITS } from '../../src/worker/types.js';
import { GITHUB_API, mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const HEAD = 'dead'.padEnd(40, '0');
const FILES = [
  prFile(
    'src/utils/format-date.ts',
    '@@ -1,3 +1,4 @@\n export const f = () => {\n-  return 1;\n+  const x = 1;\n+  return x;\n };',
  ),
  prFile(
    'test/format-date.test.ts',
    "@@ -1,1 +1,2 @@\n import { f } from '../src/utils/format-date.js';\n+it('works', () => f());",
  ),
];
const KEY = { repo: 'acme/api', pr: 7, headSha: HEAD, tier: 'fast' as const };

let app: TestApp | undefined;

type CheckBody = { status?: string; conclusion?: string; output?: { summary?: string } };

/** Check run 1001, which the crashed attempt opened: its completion, and the bodies sent. */
const mockCrashedCheck = () => {
  const completed: CheckBody[] = [];
  const scope = nock(GITHUB_API)
    .patch('/repos/acme/api/check-runs/1001', (body: CheckBody) => {
      // nock may try this matcher on other requests to the host: keep only a check run's body.
      if (typeof body !== 'object' || body.status === undefined) return false;
      completed.push(body);
      return true;
    })
    .reply(200, { id: 1001, status: 'completed' });
  return { scope, completed };
};

/** The app after the crash: its clock two hours past the crashed process's claim. */
const startPastTheLease = () => startTestApp({ now: () => new Date(Date.now() + 2 * 60 * 60_000) });

/** The fast model answers once. */
const fastAnswers = () =>
  nock(OPENAI_TEST_ORIGIN)
    .post('/v1/responses')
    .reply(200, openAIResponse({ answer: modelAnswer() }));

/** GitHub delivers `pull_request.opened` for HEAD; returns once the queue has run what it queued. */
const deliverOpened = async (started: TestApp, id: string): Promise<void> => {
  await started.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
  });
  await started.queue.idle();
};

afterEach(async () => {
  await app?.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('after a crash mid-review', () => {
  it('reviews the head SHA once the crashed claim is older than the lease', async () => {
    nock.disableNetConnect();
    app = await startPastTheLease();
    expect(await app.ledger.claim(KEY, 'crashed-delivery')).toEqual({ claimed: true });
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = fastAnswers();

    await deliverOpened(app, 'crashed-delivery');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    expect(github.sent.reviews).toHaveLength(1);
    expect(await app.ledger.claim(KEY, 'later')).toMatchObject({ claimed: false, state: 'posted' });
  });

  it('finishes the check run the crashed attempt opened, rather than leaving it in progress', async () => {
    nock.disableNetConnect();
    app = await startPastTheLease();
    // The crashed attempt had claimed the review and opened check run 1001.
    await app.ledger.claim(KEY, 'crashed-delivery');
    await app.ledger.attachCheck(KEY, 'crashed-delivery', 1001);
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
    // It had not posted: the pull request's reviews hold none of it.
    const listed = nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7/reviews')
      .query(true)
      .reply(200, [{ id: 9, commit_id: HEAD, body: 'Looks good to me.', html_url: 'x' }]);
    const { scope: checks, completed } = mockCrashedCheck();
    const review = mockReview(github.sent);
    const openai = fastAnswers();

    await deliverOpened(app, 'crashed-delivery');

    expect(app.errors).toEqual([]);
    for (const scope of [github.scope, listed, checks, review, openai]) scope.done();
    // No second run was opened: every POST to check-runs would have found no mock.
    expect(github.sent.checkRuns).toEqual([]);
    expect(completed).toMatchObject([{ status: 'completed', conclusion: 'success' }]);
    expect(github.sent.reviews).toHaveLength(1);
  });

  it.each([
    ['stopped before recording it: its cost is estimated', false],
    ['had recorded it: nothing is recorded twice', true],
  ])(
    'asks no model and posts nothing when the crashed attempt had posted its review and %s',
    async (_case, recordedBefore) => {
      nock.disableNetConnect();
      app = await startPastTheLease();
      await app.ledger.claim(KEY, 'crashed-delivery');
      if (recordedBefore)
        await app.ledger.record(
          sampleEntry({
            ...KEY,
            deliveryId: 'crashed-delivery',
            provider: 'openai',
            model: 'gpt-5.3-codex',
          }),
        );
      await app.ledger.attachCheck(KEY, 'crashed-delivery', 1001);
      const github = mockPullRequest({
        pull: pullRequestObject({ headSha: HEAD }),
        files: FILES,
        pullReads: 1,
      });
      const url = 'https://github.com/acme/api/pull/7#pullrequestreview-80';
      const listed = nock(GITHUB_API)
        .get('/repos/acme/api/pulls/7/reviews')
        .query(true)
        .reply(200, [
          {
            id: 80,
            user: { login: 'review-router[bot]', type: 'Bot' },
            commit_id: HEAD,
            body: '<!-- review-router:summary -->\n### review-router · fast review (openai `gpt-5.3-codex`)',
            html_url: url,
          },
        ]);
      const { scope: checks, completed } = mockCrashedCheck();

      await deliverOpened(app, 'crashed-delivery');

      expect(app.errors).toEqual([]);
      for (const scope of [github.scope, listed, checks]) scope.done();
      // No model mock exists: a call would have failed the job. Nothing was posted.
      expect(github.sent.reviews).toEqual([]);
      expect(completed[0]).toMatchObject({ conclusion: 'success' });
      expect(completed[0]?.output?.summary).toContain(url);
      expect(await app.ledger.claim(KEY, 'later')).toMatchObject({
        claimed: false,
        state: 'posted',
      });
      const rows = await app.ledger.list();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'posted', tier: 'fast', headSha: HEAD });
      if (recordedBefore) expect(rows[0]?.costUsd).toBe(0.123456789);
      else {
        expect(rows[0]?.costUsd).toBeGreaterThan(0);
        expect(rows[0]?.inputTokens).toBe(0);
        expect(rows[0]?.error).toMatch(/^posted by an attempt that stopped before recording it/);
      }
    },
  );

  it('leaves a claim alone while its review may still be within a long total deadline', async () => {
    nock.disableNetConnect();
    // 45 minutes after the claim: past three model timeouts (30 min), inside the hour-long
    // deadline plus one model timeout that the review may still be using.
    app = await startTestApp({
      now: () => new Date(Date.now() + 45 * 60_000),
      limits: { ...DEFAULT_LIMITS, reviewDeadlineMs: 60 * 60_000 },
    });
    expect(await app.ledger.claim(KEY, 'running-elsewhere')).toEqual({ claimed: true });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: FILES,
      pullReads: 1,
    });

    await deliverOpened(app, 'second-delivery');

    expect(app.errors).toEqual([]);
    github.scope.done();
    expect(github.sent.checkRuns).toEqual([]);
    expect(github.sent.reviews).toEqual([]);
  });

  it('leaves a review that another process is still running alone', async () => {
    nock.disableNetConnect();
    app = await startTestApp();
    expect(await app.ledger.claim(KEY, 'running-elsewhere')).toEqual({ claimed: true });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: FILES,
      pullReads: 1,
    });

    await deliverOpened(app, 'second-delivery');

    expect(app.errors).toEqual([]);
    github.scope.done();
    expect(github.sent.checkRuns).toEqual([]);
    expect(github.sent.reviews).toEqual([]);
  });
});
