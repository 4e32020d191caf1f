/**
 * Routing an incremental review, and its escalation: a small push to a risky
 * pull request stays on the fast tier unless it touches the risky files again; an escalated review
 * keeps both attempts in the ledger and in the pull request's total.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/domain/format-usd.js';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from '../helpers/anthropic-messages.js';
import { mockCompare } from '../helpers/github-conversation.js';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import {
  A,
  AUTH_PATCH,
  B,
  FORMAT_A_TO_B,
  FORMAT_AT_A,
  FORMAT_AT_B,
  NOW,
  TEST_PATCH,
} from '../helpers/push-patches.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

let app: TestApp;

useTestApp(
  () => ({ now: () => new Date(NOW) }),
  (started) => {
    app = started;
  },
);

const deliver = async (id: string, action: string, headSha: string) => {
  await app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent(action, { headSha }) as never,
  });
  await app.queue.idle();
};

describe('routing a push to a risky pull request', () => {
  const riskyFiles = (formatPatch: string) => [
    prFile('src/auth/session.ts', AUTH_PATCH),
    prFile('src/utils/format-date.ts', formatPatch),
    prFile('test/format-date.test.ts', TEST_PATCH),
  ];

  it('stays on the fast tier when the push does not touch the risky files, and says so', async () => {
    await app.ledger.updatePullState({ repo: 'acme/api', pr: 7, at: NOW, lastReviewedSha: A });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: B }),
      files: riskyFiles(FORMAT_AT_B),
    });
    const scopes = [
      github.scope,
      mockCompare(A, B, { files: [prFile('src/utils/format-date.ts', FORMAT_A_TO_B)] }),
      mockChecks(github.sent),
      mockReview(github.sent),
      nock(OPENAI_TEST_ORIGIN)
        .post('/v1/responses')
        .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) })),
    ];

    await deliver('push-small', 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · fast review');
    expect(body).toMatch(
      /Routed on the new changes alone; the whole pull request's risk is high \(0\.\d\d\), but this push does not touch the files that make it so\./,
    );
  });

  it('goes to the deep tier with the whole pull request risk when the push touches a risky file again', async () => {
    await app.ledger.updatePullState({ repo: 'acme/api', pr: 7, at: NOW, lastReviewedSha: A });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: B }),
      files: riskyFiles(FORMAT_AT_A),
    });
    const scopes = [
      github.scope,
      mockCompare(A, B, { files: [prFile('src/auth/session.ts', AUTH_PATCH)] }),
      mockChecks(github.sent),
      mockReview(github.sent),
      nock(ANTHROPIC_TEST_BASE_URL)
        .post('/v1/messages')
        .reply(200, anthropicMessage({ answer: modelAnswer({ findings: [] }) })),
    ];

    await deliver('push-risky', 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · deep review');
    expect(body).toMatch(
      /Routed on the whole pull request's risk, high \(0\.\d\d\), because this push touches its risky file again: `src\/auth\/session\.ts`\./,
    );
    const [row] = await app.ledger.list({ repo: 'acme/api', pr: 7 });
    expect(row).toMatchObject({ tier: 'deep', riskLevel: 'high', outcome: 'posted' });
  });
});

describe('an escalated review', () => {
  it('records both attempts and counts both costs in the pull request total of its summary', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: A }),
      files: [
        prFile('src/utils/format-date.ts', FORMAT_AT_A),
        prFile('test/format-date.test.ts', TEST_PATCH),
      ],
    });
    const scopes = [
      github.scope,
      mockChecks(github.sent),
      mockReview(github.sent),
      nock(OPENAI_TEST_ORIGIN)
        .post('/v1/responses')
        .reply(
          200,
          openAIResponse({
            answer: modelAnswer({ escalate: { needed: true, reason: 'a public API changes' } }),
          }),
        ),
      nock(ANTHROPIC_TEST_BASE_URL)
        .post('/v1/messages')
        .reply(200, anthropicMessage({ answer: modelAnswer({ findings: [] }) })),
    ];

    await deliver('push-escalate', 'opened', A);

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    const rows = await app.ledger.list({ repo: 'acme/api', pr: 7 });
    expect(rows.map((row) => [row.tier, row.outcome]).sort()).toEqual([
      ['deep', 'posted'],
      ['fast', 'escalated'],
    ]);
    const total = rows.reduce((sum, row) => sum + row.costUsd, 0);
    expect(rows.every((row) => row.costUsd > 0)).toBe(true);
    expect(String(github.sent.reviews[0]?.body)).toContain(
      `**This pull request so far:** ${formatUsd(total)} over 1 review`,
    );
  });
});
