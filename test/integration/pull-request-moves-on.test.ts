/**
 * A pull request that moves on while its review runs: a newer
 * push or a close ends the job cleanly. Nothing is posted for the old head, the check run says
 * why, and what the model cost is still in the ledger. A job that finds the head already moved
 * queues one for the current head, so a late webhook for an older head never costs the current
 * head its review.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  GITHUB_API,
  mockChecks,
  mockPolicyAndPull,
  mockPullRequest,
  mockReview,
} from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'b0a7'.padEnd(40, '0');
const NEWER = 'c1d2'.padEnd(40, '0');
const FILES = [
  prFile(
    'src/utils/format-date.ts',
    '@@ -1,3 +1,4 @@\n export const f = () => {\n-  return 1;\n+  const x = 1;\n+  return x;\n };',
  ),
];

let app: TestApp;

useTestApp(
  () => ({ now: () => new Date('2026-11-21T10:00:00.000Z') }),
  (started) => {
    app = started;
  },
);

const deliver = async (id: string, action = 'opened', headSha = HEAD) => {
  await app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent(action, { headSha }) as never,
  });
  await app.queue.idle();
};

/** What a job that stops before the files reads: the policy (there is none), the pull request. */
/** The fast model answers (and is billed) whatever happens to the pull request meanwhile. */
const answer = () =>
  nock(OPENAI_TEST_ORIGIN)
    .post('/v1/responses')
    .reply(200, openAIResponse({ answer: modelAnswer({ summary: 'Looks fine.' }) }));

/** The read after the model answered sees the pull request as it is now. */
const pullAfterAnswer = (pull: Record<string, any>) =>
  nock(GITHUB_API).get('/repos/acme/api/pulls/7').reply(200, pull);

describe('when the pull request moves on during the review', () => {
  it('abandons the answer of a head a newer push replaced, and records its cost', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: FILES,
      pullReads: 1,
    });
    const later = pullAfterAnswer(pullRequestObject({ headSha: NEWER }));
    const checks = mockChecks(github.sent);
    const openai = answer();

    await deliver('delivery-pushed-over');

    expect(app.errors).toEqual([]);
    github.scope.done();
    later.done();
    checks.done();
    openai.done();
    expect(github.sent.reviews).toEqual([]);
    expect(github.sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Superseded by a newer push' },
    });
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'superseded', tier: 'fast', headSha: HEAD });
    expect(rows[0]?.costUsd).toBeGreaterThan(0);
  });

  it('abandons the answer when the pull request was closed meanwhile, saying so', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: FILES,
      pullReads: 1,
    });
    const later = pullAfterAnswer({ ...pullRequestObject({ headSha: HEAD }), state: 'closed' });
    const checks = mockChecks(github.sent);
    const openai = answer();

    await deliver('delivery-closed-meanwhile');

    expect(app.errors).toEqual([]);
    github.scope.done();
    later.done();
    checks.done();
    openai.done();
    expect(github.sent.reviews).toEqual([]);
    expect(github.sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Pull request closed during the review' },
    });
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'superseded',
      error: 'pull request closed during the review',
    });
    expect(rows[0]?.costUsd).toBeGreaterThan(0);
  });

  it('abandons the answer when the pull request became a draft meanwhile, as the policy skips drafts', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: FILES,
      pullReads: 1,
    });
    const later = pullAfterAnswer({ ...pullRequestObject({ headSha: HEAD }), draft: true });
    const checks = mockChecks(github.sent);
    const openai = answer();

    await deliver('delivery-draft-meanwhile');

    expect(app.errors).toEqual([]);
    for (const scope of [github.scope, later, checks, openai]) scope.done();
    expect(github.sent.reviews).toEqual([]);
    expect(github.sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Made a draft during the review' },
    });
    expect((await app.ledger.list())[0]).toMatchObject({
      outcome: 'superseded',
      error: 'made a draft during the review (skip.drafts)',
    });
  });

  it('ends quietly, with no retry, when the pull request is gone for the installation', async () => {
    const gone = mockPolicyAndPull({ message: 'Not Found' }, { status: 404 });

    await deliver('delivery-gone');

    expect(app.errors).toEqual([]);
    gone.done();
    expect(await app.ledger.list()).toEqual([]);
  });

  it('calls no model for a pull request closed before its job ran', async () => {
    const github = mockPolicyAndPull({ ...pullRequestObject({ headSha: HEAD }), state: 'closed' });

    await deliver('delivery-closed-before');

    expect(app.errors).toEqual([]);
    github.done();
    expect(nock.pendingMocks()).toEqual([]);
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'skipped',
      tier: 'skip',
      costUsd: 0,
      reason: 'pull request closed before review',
    });
  });

  it("calls no model for a head a force-push replaced before its job ran, and reviews the pull request's current head", async () => {
    const github = mockPolicyAndPull(pullRequestObject({ headSha: NEWER }));
    const current = reviewOfNewerHead();

    await deliver('delivery-force-pushed-before');

    expect(app.errors).toEqual([]);
    github.done();
    current.done();
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.headSha === HEAD)).toMatchObject({
      outcome: 'superseded',
      tier: 'skip',
      costUsd: 0,
      reason: `head moved to ${NEWER.slice(0, 7)} before review`,
    });
    expect(rows.find((row) => row.headSha === NEWER)).toMatchObject({
      outcome: 'posted',
      tier: 'fast',
      deliveryId: `delivery-force-pushed-before:head-${NEWER}`,
    });
    expect(current.sent.checkRuns[0]).toMatchObject({ head_sha: NEWER });
    expect(current.sent.reviews).toHaveLength(1);
    expect(current.sent.reviews[0]).toMatchObject({ commit_id: NEWER, event: 'COMMENT' });
  });

  it('reviews the current head once when a late event for an older head arrives after its push', async () => {
    // GitHub may deliver a `labeled` event sent before a push after the push's own delivery: the
    // queue takes it as the newest and supersedes the push's job, which never runs.
    const stale = mockPolicyAndPull(pullRequestObject({ headSha: NEWER }));
    const current = reviewOfNewerHead();

    await deliver('delivery-late-label', 'labeled');
    // The push's own job runs after all (a second worker, a redelivery): the head has its review.
    const again = mockPullRequest({
      pull: pullRequestObject({ headSha: NEWER }),
      files: FILES,
      pullReads: 1,
    });
    await deliver('delivery-push', 'synchronize', NEWER);

    expect(app.errors).toEqual([]);
    stale.done();
    current.done();
    again.scope.done();
    expect(nock.pendingMocks()).toEqual([]);
    expect(current.sent.reviews).toHaveLength(1);
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.headSha, row.outcome])).toEqual([
      [NEWER, 'posted'],
      [HEAD, 'superseded'],
    ]);
  });
});

/** Every request of a fast review of the newer head, through to the posted review. */
const reviewOfNewerHead = () => {
  const github = mockPullRequest({ pull: pullRequestObject({ headSha: NEWER }), files: FILES });
  const scopes = [github.scope, mockChecks(github.sent), mockReview(github.sent), answer()];
  return { sent: github.sent, done: () => scopes.forEach((scope) => scope.done()) };
};
