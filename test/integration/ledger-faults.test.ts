/**
 * The ledger failing after the review is on the pull request. The review cannot be taken back, so
 * the job ends as posted: a failed job would be retried, call the model again and post a second
 * review of the same commit.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { PullStateUpdate } from '../../src/ledger/types.js';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { finding, modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'fa17'.padEnd(40, '0');
const PATH = 'src/utils/format-date.ts';
const FILES = [
  prFile(
    PATH,
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

/** The ledger's pull-state write throws its first `failures` times, as a dropped connection does. */
const failPullState = (failures: number): { calls: number } => {
  const seen = { calls: 0 };
  const real = app.ledger.updatePullState.bind(app.ledger);
  app.ledger.updatePullState = async (update: PullStateUpdate) => {
    seen.calls += 1;
    if (seen.calls <= failures) throw new Error('Connection terminated unexpectedly');
    return real(update);
  };
  return seen;
};

const review = async (id: string) => {
  const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: FILES });
  const checks = mockChecks(github.sent);
  const posted = mockReview(github.sent);
  const openai = nock(OPENAI_TEST_ORIGIN)
    .post('/v1/responses')
    .reply(
      200,
      openAIResponse({
        answer: modelAnswer({
          findings: [finding({ path: PATH, line: 3, title: 'x shadows the outer x' })],
        }),
      }),
    );
  await app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
  });
  await app.queue.idle();
  github.scope.done();
  checks.done();
  posted.done();
  openai.done();
  return github.sent;
};

describe('when the ledger fails after the review is posted', () => {
  it('writes the head again after a dropped connection, and the job ends posted', async () => {
    const pullState = failPullState(1);

    const sent = await review('delivery-ledger-blip');

    expect(app.errors).toEqual([]);
    expect(sent.reviews).toHaveLength(1);
    expect(sent.checkRunUpdates.map((update) => update.conclusion)).toEqual(['success']);
    expect((await app.ledger.list()).map((row) => row.outcome)).toEqual(['posted']);
    expect(pullState.calls).toBe(2);
    expect(await app.ledger.getPullState({ repo: 'acme/api', pr: 7 })).toMatchObject({
      lastReviewedSha: HEAD,
    });
  });

  it('keeps the job posted when the write keeps failing: no retry, so no second review', async () => {
    const pullState = failPullState(Number.POSITIVE_INFINITY);

    const sent = await review('delivery-ledger-down');

    expect(app.errors).toEqual([]);
    expect(sent.reviews).toHaveLength(1);
    expect(sent.checkRunUpdates.map((update) => update.conclusion)).toEqual(['success']);
    expect((await app.ledger.list()).map((row) => row.outcome)).toEqual(['posted']);
    expect(pullState.calls).toBe(3);
    expect(await app.ledger.getPullState({ repo: 'acme/api', pr: 7 })).toBeNull();
  });

  it("writes the review's cost row again after a dropped connection, and never reviews twice", async () => {
    const real = app.ledger.record.bind(app.ledger);
    let calls = 0;
    app.ledger.record = (entry) => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new Error('Connection terminated unexpectedly'))
        : real(entry);
    };

    const sent = await review('delivery-ledger-row-blip');

    expect(app.errors).toEqual([]);
    expect(sent.reviews).toHaveLength(1);
    expect(calls).toBe(2);
    expect((await app.ledger.list()).map((row) => row.outcome)).toEqual(['posted']);
    // The claim stays posted: the same commit is not reviewed again.
    expect(
      await app.ledger.claim({ repo: 'acme/api', pr: 7, headSha: HEAD, tier: 'fast' }, 'later'),
    ).toMatchObject({ claimed: false, state: 'posted' });
  });
});
