/**
 * "Re-run" on the review-router check run: a commit whose review failed is reviewed again; one that
 * has its review gets a check run that says so, and no model call.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import { ROUTINE_PATCH } from '../helpers/sample-patches.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'beef01'.padEnd(40, '0');
const FILES = [prFile('src/utils/format-date.ts', ROUTINE_PATCH)];

let app: TestApp;
useTestApp(
  () => ({ now: () => new Date('2026-11-21T10:00:00.000Z') }),
  (started) => {
    app = started;
  },
);

/** What GitHub sends the app that made the run when someone clicks Re-run (a fork's lists no PR). */
const rerun = async (id: string) => {
  await app.probot.receive({
    id,
    name: 'check_run',
    payload: {
      action: 'rerequested',
      installation: { id: 42 },
      repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme' } },
      sender: { login: 'maintainer', type: 'User' },
      check_run: {
        id: 1001,
        name: 'review-router',
        head_sha: HEAD,
        external_id: '7',
        status: 'completed',
        pull_requests: [],
      },
    } as never,
  });
  await app.queue.idle();
};

describe('Re-run on the review-router check run', () => {
  it('reviews a commit whose review failed, and only says so for one that has its review', async () => {
    const failed = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: FILES,
      pullReads: 1,
    });
    const failedChecks = mockChecks(failed.sent);
    const refused = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(400, { error: { message: 'Bad request', type: 'invalid_request_error' } });
    await app.probot.receive({
      id: 'delivery-opened',
      name: 'pull_request',
      payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
    });
    await app.queue.idle();
    for (const scope of [failed.scope, failedChecks, refused]) scope.done();
    expect(failed.sent.checkRuns[0]).toMatchObject({ head_sha: HEAD, external_id: '7' });
    expect(failed.sent.reviews).toEqual([]);

    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const answered = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) }));
    await rerun('delivery-rerun-1');
    expect(app.errors).toEqual([]);
    for (const scope of [github.scope, checks, review, answered]) scope.done();
    expect(github.sent.reviews).toHaveLength(1);

    // Reviewed now: a second Re-run asks no model, and its check run says why.
    const again = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: FILES,
      pullReads: 1,
    });
    const againChecks = mockChecks(again.sent);
    await rerun('delivery-rerun-2');
    expect(app.errors).toEqual([]);
    againChecks.done();
    expect(again.sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'success',
      output: { title: 'Already reviewed' },
    });
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.trigger, row.outcome])).toEqual([
      ['rerequested', 'posted'],
      ['opened', 'failed'],
    ]);
  });
});
