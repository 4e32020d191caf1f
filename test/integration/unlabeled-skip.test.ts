import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  mockChecks,
  mockPolicyAndPull,
  mockPullRequest,
  mockReview,
} from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from '../helpers/anthropic-messages.js';
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
    const other = mockPolicyAndPull(pullRequestObject({ headSha: HEAD, labels: ['review:skip'] }));
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

describe('a label put on a pull request whose head is reviewed', () => {
  it('reviews nothing again for a label no rule names, and reviews deep for review:deep', async () => {
    const opened = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
    const openedChecks = mockChecks(opened.sent);
    const openedReview = mockReview(opened.sent);
    const fast = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ summary: 'Looks right.' }) }));
    await deliver('delivery-opened', 'opened', []);
    for (const scope of [opened.scope, openedChecks, openedReview, fast]) scope.done();

    // `bug`, as a labelling bot puts on: the policy and the pull request are read, nothing else.
    const other = mockPolicyAndPull(pullRequestObject({ headSha: HEAD, labels: ['bug'] }));
    await deliver('delivery-labeled-bug', 'labeled', ['bug'], 'bug');
    expect(app.errors).toEqual([]);
    other.done();

    // `review:deep`, which the default rules send to the deep tier: a deep review of the head.
    const deep = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD, labels: ['bug', 'review:deep'] }),
      files: FILES,
    });
    const deepChecks = mockChecks(deep.sent);
    const deepReview = mockReview(deep.sent);
    const anthropic = nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages')
      .reply(200, anthropicMessage({ answer: modelAnswer({ findings: [] }) }));
    await deliver('delivery-labeled-deep', 'labeled', ['bug', 'review:deep'], 'review:deep');
    expect(app.errors).toEqual([]);
    for (const scope of [deep.scope, deepChecks, deepReview, anthropic]) scope.done();
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.trigger, row.outcome, row.tier])).toEqual([
      ['labeled', 'posted', 'deep'],
      ['opened', 'posted', 'fast'],
    ]);
  });
});
