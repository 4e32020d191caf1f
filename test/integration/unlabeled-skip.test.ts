import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  GITHUB_API,
  mockChecks,
  mockPullRequest,
  mockReview,
  POLICY_FILE,
} from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import { ROUTINE_PATCH } from '../helpers/sample-patches.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'b0a710'.padEnd(40, '0');
const FILES = [prFile('src/utils/format-date.ts', ROUTINE_PATCH)];

let app: TestApp;

useTestApp(
  () => ({ now: () => new Date('2026-11-21T10:00:00.000Z') }),
  (started) => {
    app = started;
  },
);

const deliver = async (id: string, action: string, labels: string[], label?: string) => {
  const event = {
    ...pullRequestEvent(action, { headSha: HEAD, labels }),
    ...(label === undefined ? {} : { label: { id: 1, name: label, color: 'ededed' } }),
  };
  await app.probot.receive({ id, name: 'pull_request', payload: event as never });
  await app.queue.idle();
};

describe('taking a label off a pull request', () => {
  it('reviews the head a skip label kept from review, and does nothing for another label', async () => {
    const skipped = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD, labels: ['review:skip', 'bug'] }),
      files: FILES,
      pullReads: 1,
    });
    const skipChecks = mockChecks(skipped.sent);
    await deliver('delivery-opened', 'opened', ['review:skip', 'bug']);
    skipped.scope.done();
    skipChecks.done();
    expect(skipped.sent.checkRunUpdates[0]).toMatchObject({ conclusion: 'skipped' });

    // Another label taken off: the policy and the pull request are read, nothing else happens.
    const other = nock(GITHUB_API)
      .get(`/repos/acme/api/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/acme/.github/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' })
      .get('/repos/acme/api/pulls/7')
      .reply(200, pullRequestObject({ headSha: HEAD, labels: ['review:skip'] }));
    await deliver('delivery-unlabeled-bug', 'unlabeled', ['review:skip'], 'bug');
    other.done();
    expect(await app.ledger.list()).toHaveLength(1);

    // The skip label taken off (in another case than the policy writes it): the head is reviewed.
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD, labels: [] }),
      files: FILES,
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ summary: 'Looks right.' }) }));
    await deliver('delivery-unlabeled-skip', 'unlabeled', [], 'Review:Skip');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    expect(github.sent.reviews).toHaveLength(1);
    expect(github.sent.reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: HEAD });
    const rows = await app.ledger.list();
    // Newest first.
    expect(rows.map((row) => [row.trigger, row.outcome, row.tier])).toEqual([
      ['unlabeled', 'posted', 'fast'],
      ['opened', 'skipped', 'skip'],
    ]);
  });
});
