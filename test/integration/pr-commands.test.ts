/**
 * Commands in pull request comments: `/review deep`,
 * `/review fast`, refusals, and comments the app leaves alone. Every command but `/cost` needs
 * write access, checked with the permission API; the app answers each one with a reaction or a
 * reply, and never reacts to bots, itself included. `/review skip`, `/review` and `/cost`:
 * pr-command-skip-cost.test.ts.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from '../helpers/anthropic-messages.js';
import {
  commentOn,
  HEAD,
  mockPullForCommand,
  NOW,
  PULL,
  RISKY_FILES,
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
import { pullRequestObject } from '../helpers/github-payloads.js';
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

describe('/review deep', () => {
  it('from a maintainer reviews now on the deep tier and answers with a reaction', async () => {
    const { github, scopes } = mockReviewByCommand(ROUTINE_FILES);
    const permission = mockPermission('maintainer', 'maintain');
    const reaction = mockReaction(talk);
    const anthropic = nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages')
      .reply(200, anthropicMessage({ answer: modelAnswer({ findings: [] }) }));

    await comment('comment-deep', '/review deep');

    expect(app.errors).toEqual([]);
    for (const scope of [...scopes, permission, reaction, anthropic]) scope.done();
    expect(talk.reactions).toEqual([{ content: '+1' }]);
    expect(talk.comments).toEqual([]);
    expect(String(github.sent.reviews[0]?.body)).toContain('### review-router · deep review');
    expect(String(github.sent.reviews[0]?.body)).toContain('deep review requested (/review deep)');
    expect(await app.ledger.list(PULL)).toMatchObject([
      {
        deliveryId: 'comment-deep',
        trigger: 'command',
        tier: 'deep',
        outcome: 'posted',
        headSha: HEAD,
      },
    ]);
  });

  it('from a user with read access is refused politely: no reaction, no review, no model call', async () => {
    const permission = mockPermission('reader', 'read');
    const reply = mockIssueComments(talk);

    await comment('comment-reader', '/review deep', { login: 'reader' });

    expect(app.errors).toEqual([]);
    for (const scope of [permission, reply]) scope.done();
    expect(nock.pendingMocks()).toEqual([]);
    expect(talk.reactions).toEqual([]);
    expect(talk.comments).toHaveLength(1);
    expect(talk.comments[0]?.body).toMatch(
      /^Sorry, `\/review deep` needs write access to this repository \(your role here: read\)\. A deep review costs real money/,
    );
    // The reply sits under the reader's own comment: no `@` mention notifies them again.
    expect(talk.comments[0]?.body).not.toMatch(/@\w/);
    expect(await app.ledger.list()).toEqual([]);
  });

  it('from someone with triage access is refused too: triage is not write', async () => {
    mockPermission('triager', 'triage');
    mockIssueComments(talk);

    await comment('comment-triage', '/review', { login: 'triager' });

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(talk.comments[0]?.body).toContain('`/review` needs write access');
    expect(talk.comments[0]?.body).toContain('your role here: triage');
  });
});

describe('a command whose review fails for good', () => {
  it('marks the head it ran on, read when it failed, and records that head', async () => {
    const sent = { checkRuns: [] as any[], checkRunUpdates: [] as any[], reviews: [] as any[] };
    const github = nock(GITHUB_API)
      .get(`/repos/acme/api/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' })
      .get(`/repos/acme/.github/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' })
      // The command's read, the pipeline's, and the dead letter's.
      .get('/repos/acme/api/pulls/7')
      .times(3)
      .reply(200, pullRequestObject({ headSha: HEAD }))
      .get('/repos/acme/api/pulls/7/files')
      .query({ per_page: '100' })
      .reply(500, { message: 'Server Error' });
    const scopes = [
      github,
      mockPermission('maintainer', 'write'),
      mockReaction(talk),
      mockChecks(sent),
    ];

    await comment('comment-fails', '/review deep');

    expect(app.errors).toHaveLength(1);
    for (const scope of scopes) scope.done();
    expect(sent.checkRuns[0]).toMatchObject({ head_sha: HEAD });
    expect(sent.checkRunUpdates[0]).toMatchObject({ conclusion: 'failure' });
    expect(await app.ledger.list(PULL)).toMatchObject([
      { deliveryId: 'comment-fails', headSha: HEAD, outcome: 'failed' },
    ]);
  });
});

describe('/review fast', () => {
  it('from a writer reviews a risky pull request on the fast tier', async () => {
    const { github, scopes } = mockReviewByCommand(RISKY_FILES);
    const permission = mockPermission('maintainer', 'write');
    const reaction = mockReaction(talk);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) }));

    await comment('comment-fast', '/review fast');

    expect(app.errors).toEqual([]);
    for (const scope of [...scopes, permission, reaction, openai]) scope.done();
    expect(String(github.sent.reviews[0]?.body)).toContain('### review-router · fast review');
    expect(await app.ledger.list(PULL)).toMatchObject([{ tier: 'fast', riskLevel: 'high' }]);
  });
});

describe('comments the app does not act on', () => {
  it.each([
    ['its own comment', { login: 'review-router[bot]', type: 'Bot' }],
    ['another bot', { login: 'renovate[bot]', type: 'Bot' }],
  ])('ignores %s, even one that starts with a command', async (_who, user) => {
    await comment('comment-bot', '/review deep', user);

    expect(app.errors).toEqual([]);
    expect(await app.queue.depth()).toBe(0);
    expect(await app.ledger.list()).toEqual([]);
  });

  it('ignores a comment without a command and a command on a plain issue', async () => {
    await comment('comment-chat', 'Thanks, looks good!');
    await comment('comment-issue', '/review deep', { onPullRequest: false });

    expect(app.errors).toEqual([]);
    expect(await app.ledger.list()).toEqual([]);
  });

  it('answers an unknown /review argument with the list of commands', async () => {
    mockIssueComments(talk);

    await comment('comment-help', '/review everything');

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(talk.comments[0]?.body).toContain('review-router understands these commands');
  });
});
