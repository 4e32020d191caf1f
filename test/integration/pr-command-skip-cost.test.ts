/**
 * `/review skip` stops the reviews of a pull request until `/review` (which also reviews now);
 * `/cost` answers anyone with the pull request's spend.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../../src/ledger/sample-entry.js';
import {
  commentOn,
  HEAD,
  mockPullForCommand,
  NOW,
  PULL,
  ROUTINE_FILES,
} from '../helpers/command-kit.js';
import {
  mockIssueComments,
  mockPermission,
  mockReaction,
  newTalk,
  type Talk,
} from '../helpers/github-conversation.js';
import { GITHUB_API, mockChecks, mockReview, POLICY_FILE } from '../helpers/github-mock.js';
import { pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

let app: TestApp;
let talk: Talk;

useTestApp(
  () => ({ now: () => new Date(NOW) }),
  (started) => {
    app = started;
    talk = newTalk();
  },
);

const comment = commentOn(() => app);

const mockReviewByCommand = (files: Array<Record<string, any>>) => {
  const github = mockPullForCommand(files);
  return { github, scopes: [github.scope, mockChecks(github.sent), mockReview(github.sent)] };
};

describe('/review skip and /review', () => {
  it('stops the reviews of later pushes, saying who asked, until /review reviews again', async () => {
    const permission = mockPermission('maintainer', 'admin');
    const reaction = mockReaction(talk, 4242);

    await comment('comment-skip', '/review skip', { commentId: 4242 });

    for (const scope of [permission, reaction]) scope.done();
    expect(talk.reactions).toEqual([{ content: '+1' }]);
    expect((await app.ledger.getPullState(PULL))?.skip).toEqual({
      by: 'maintainer',
      commentId: 4242,
    });

    // A push: policy and pull request are read, then a skipped check run; no files, no model.
    const sent = { checkRuns: [] as any[], checkRunUpdates: [] as any[], reviews: [] as any[] };
    const push = nock(GITHUB_API)
      .get(`/repos/acme/api/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/acme/.github/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' })
      .get('/repos/acme/api/pulls/7')
      .reply(200, pullRequestObject({ headSha: HEAD }));
    const checks = mockChecks(sent);
    await app.probot.receive({
      id: 'push-after-skip',
      name: 'pull_request',
      payload: pullRequestEvent('synchronize', { headSha: HEAD }) as never,
    });
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    for (const scope of [push, checks]) scope.done();
    expect(sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'skipped',
      output: { title: 'Skipped by /review skip from maintainer (comment 4242)' },
    });
    expect(JSON.stringify(sent.checkRunUpdates[0]?.output)).not.toMatch(/@\w/);
    expect(await app.ledger.list(PULL)).toMatchObject([
      { outcome: 'skipped', reason: 'skipped by /review skip from maintainer (comment 4242)' },
    ]);

    // `/review` clears the skip and reviews now.
    const { github, scopes } = mockReviewByCommand(ROUTINE_FILES);
    const again = [mockPermission('maintainer', 'admin'), mockReaction(talk)];
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) }));

    await comment('comment-review', '/review');

    expect(app.errors).toEqual([]);
    for (const scope of [...scopes, ...again, openai]) scope.done();
    expect(github.sent.reviews).toHaveLength(1);
    expect((await app.ledger.getPullState(PULL))?.skip).toBeNull();
  });

  it('/review on a closed pull request says so and keeps its /review skip', async () => {
    const skip = { by: 'maintainer', commentId: 4242 };
    await app.ledger.updatePullState({ ...PULL, at: NOW, skip });
    const closed = { ...pullRequestObject({ headSha: HEAD }), state: 'closed' };
    const scopes = [
      nock(GITHUB_API).get('/repos/acme/api/pulls/7').reply(200, closed),
      mockPermission('maintainer', 'write'),
      mockIssueComments(talk),
    ];

    await comment('comment-closed', '/review');

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    expect(talk.comments[0]?.body).toBe(
      'This pull request is closed, so there is nothing to review.',
    );
    expect((await app.ledger.getPullState(PULL))?.skip).toEqual(skip);
  });

  it('/review on a head that already has its review says so instead of reviewing again', async () => {
    await app.ledger.claim({ repo: 'acme/api', pr: 7, headSha: HEAD, tier: 'fast' }, 'earlier');
    await app.ledger.settle({ repo: 'acme/api', pr: 7, headSha: HEAD, tier: 'fast' }, 'posted');
    const github = mockPullForCommand(ROUTINE_FILES, 2);
    const scopes = [
      github.scope,
      mockPermission('maintainer', 'write'),
      mockReaction(talk),
      mockIssueComments(talk),
    ];

    await comment('comment-again', '/review');

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    expect(github.sent.reviews).toEqual([]);
    expect(talk.comments[0]?.body).toBe(
      '`c0ffee0` already has a review from review-router, so there is nothing new to review. Push new commits, or ask for the other tier with `/review deep` or `/review fast`.',
    );
  });
});

describe('/cost', () => {
  it("answers anyone with the pull request's spend per review, without a permission check", async () => {
    await app.ledger.record(
      sampleEntry({
        deliveryId: 'd-1',
        pr: 7,
        tier: 'fast',
        model: 'gpt-5.3-codex',
        provider: 'openai',
        costUsd: 0.02,
        outcome: 'escalated',
        startedAt: '2026-11-20T09:00:00.000Z',
      }),
    );
    await app.ledger.record(
      sampleEntry({
        deliveryId: 'd-1',
        pr: 7,
        tier: 'deep',
        costUsd: 0.1,
        startedAt: '2026-11-20T09:00:00.000Z',
      }),
    );
    await app.ledger.record(sampleEntry({ deliveryId: 'd-2', pr: 8, costUsd: 5 }));
    const reply = mockIssueComments(talk);

    await comment('comment-cost', '/cost', { login: 'first-timer' });

    expect(app.errors).toEqual([]);
    for (const scope of [reply]) scope.done();
    const body = String(talk.comments[0]?.body);
    expect(body).toContain(
      '**review-router has spent $0.12 on this pull request:** 1 review posted, 2 attempts in all.',
    );
    expect(body).toContain(
      '| 2026-11-20 09:00 | `aaaaaaa` | fast | `gpt-5.3-codex` | escalated | $0.02 |',
    );
    expect(body).toContain(
      '| 2026-11-20 09:00 | `aaaaaaa` | deep | `claude-opus-4-6` | posted | $0.10 |',
    );
    expect(body).not.toContain('$5.00');
  });
});
