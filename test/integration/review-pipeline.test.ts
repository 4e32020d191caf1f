import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from '../helpers/anthropic-messages.js';
import {
  GITHUB_API,
  mockChecks,
  mockPolicyFile,
  POLICY_FILE,
  mockPullRequest,
  mockReview,
} from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { finding, modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { AUTH_PATCH, ROUTINE_PATCH } from '../helpers/sample-patches.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'c0ffee'.padEnd(40, '0');

const SMALL_TEST_PATCH = [
  '@@ -1,2 +1,3 @@',
  " import { formatDate } from '../src/utils/format-date.js';",
  "+it('formats a day', () => expect(formatDate(new Date(0))).toBe('1970-01-01'));",
  ' ',
].join('\n');

let app: TestApp;

useTestApp(
  () => ({ now: () => new Date('2026-11-21T10:00:00.000Z') }),
  (started) => {
    app = started;
  },
);

const deliver = async (id: string, event: ReturnType<typeof pullRequestEvent>) => {
  await app.probot.receive({ id, name: 'pull_request', payload: event as never });
  await app.queue.idle();
};

describe('webhook to review', () => {
  it('reviews a small pull request on the fast tier and records its cost from the usage', async () => {
    const pull = pullRequestObject({ headSha: HEAD });
    const github = mockPullRequest({
      pull,
      files: [
        prFile('src/utils/format-date.ts', ROUTINE_PATCH),
        prFile('test/format-date.test.ts', SMALL_TEST_PATCH),
      ],
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    let openaiRequest: Record<string, any> = {};
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses', (body) => {
        openaiRequest = body as Record<string, any>;
        return true;
      })
      .reply(
        200,
        openAIResponse({
          answer: modelAnswer({
            summary: 'Dates are now cut to the day.',
            findings: [
              finding({
                path: 'src/utils/format-date.ts',
                line: 3,
                severity: 'warning',
                category: 'correctness',
                title: 'Time zone dropped',
                body: 'Slicing the ISO string keeps the UTC day, which may not be the local day.',
                suggestion: null,
              }),
            ],
          }),
          usage: {
            inputTokens: 5_200,
            cachedTokens: 4_096,
            outputTokens: 1_400,
            reasoningTokens: 960,
          },
        }),
      );

    await deliver('delivery-small', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    expect(openaiRequest.model).toBe('gpt-5.3-codex');
    expect(openaiRequest.reasoning).toEqual({ effort: 'low' });
    expect(openaiRequest.store).toBe(false);
    expect(openaiRequest.prompt_cache_key).toBe('review-router:acme/api');

    const [posted] = github.sent.reviews;
    expect(posted?.event).toBe('COMMENT');
    expect(posted?.commit_id).toBe(HEAD);
    expect(posted?.comments).toEqual([
      {
        path: 'src/utils/format-date.ts',
        line: 3,
        side: 'RIGHT',
        // The hidden marker carries the finding's fingerprint, read back from resolved threads.
        body: expect.stringMatching(
          /^🟠 \*\*Warning\*\* · correctness — Time zone dropped\n\nSlicing the ISO string keeps the UTC day, which may not be the local day\.\n\n<!-- review-router:finding [0-9a-f]{32} -->$/,
        ),
      },
    ]);
    expect(posted?.body).toContain('### review-router · fast review (openai `gpt-5.3-codex`)');
    expect(posted?.body).toContain('**Why this model:**');
    expect(posted?.body).toContain('Dates are now cut to the day.');

    expect(github.sent.checkRuns[0]).toMatchObject({
      name: 'review-router',
      head_sha: HEAD,
      status: 'in_progress',
    });
    expect(github.sent.checkRunUpdates[0]).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });

    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    // (5,200 − 4,096) × $1.75 + 4,096 × $0.175 + 1,400 × $14.00, per million tokens.
    const expected = (1_104 * 1.75 + 4_096 * 0.175 + 1_400 * 14) / 1e6;
    expect(row).toMatchObject({
      deliveryId: 'delivery-small',
      repo: 'acme/api',
      pr: 7,
      headSha: HEAD,
      trigger: 'opened',
      tier: 'fast',
      provider: 'openai',
      model: 'gpt-5.3-codex',
      inputTokens: 5_200,
      cachedInputTokens: 4_096,
      outputTokens: 1_400,
      reasoningTokens: 960,
      outcome: 'posted',
      priceVersion: '2026-09',
    });
    expect(row.costUsd).toBeCloseTo(expected, 9);
    expect(row.deepCostUsd).toBeGreaterThan(row.costUsd);
    expect(posted?.body).toContain('**Cost:** $0.0222');
  });

  it('reviews a risky pull request on the deep tier with inline comments only on diff lines', async () => {
    const pull = pullRequestObject({ headSha: HEAD });
    const github = mockPullRequest({ pull, files: [prFile('src/auth/session.ts', AUTH_PATCH)] });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    let anthropicRequest: Record<string, any> = {};
    // The SDK authenticates with a bearer token: a request without it would not match.
    const anthropic = nock(ANTHROPIC_TEST_BASE_URL)
      .matchHeader('authorization', 'Bearer test-key')
      .post('/v1/messages', (body) => {
        anthropicRequest = body as Record<string, any>;
        return true;
      })
      .reply(
        200,
        anthropicMessage({
          answer: modelAnswer({
            summary: 'The admin shortcut skips the expiry check.',
            findings: [
              finding({
                path: 'src/auth/session.ts',
                line: 12,
                severity: 'critical',
                category: 'security',
                title: 'Admin sessions never expire',
                body: 'An expired admin session is returned before the expiry check applies to it.',
                suggestion: null,
              }),
              finding({
                path: 'src/auth/session.ts',
                line: 40,
                severity: 'error',
                category: 'security',
                title: 'Token compared without constant time',
                body: 'Use a constant-time comparison.',
                suggestion: null,
              }),
            ],
          }),
        }),
      );

    await deliver('delivery-risky', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    anthropic.done();
    expect(anthropicRequest.model).toBe('claude-opus-4-6');
    expect(anthropicRequest.thinking).toEqual({ type: 'adaptive' });
    expect(anthropicRequest.output_config?.effort).toBe('high');
    expect(anthropicRequest.tool_choice).toBeUndefined();
    // The stable part of the prompt comes first and is marked cacheable; the pull request comes after.
    expect(anthropicRequest.system.at(-1).cache_control).toEqual({ type: 'ephemeral' });
    expect(anthropicRequest.system[0].text).toContain('You are review-router');
    expect(JSON.stringify(anthropicRequest.system)).not.toContain('sessions.get(token)');
    expect(JSON.stringify(anthropicRequest.messages)).toContain('sessions.get(token)');
    expect(anthropicRequest.temperature).toBeUndefined();

    const [posted] = github.sent.reviews;
    expect(posted?.event).toBe('COMMENT');
    expect(posted?.comments).toEqual([
      {
        path: 'src/auth/session.ts',
        line: 12,
        side: 'RIGHT',
        body: expect.stringMatching(
          /^🛑 \*\*Critical\*\* · security — Admin sessions never expire\n\nAn expired admin session is returned before the expiry check applies to it\.\n\n<!-- review-router:finding [0-9a-f]{32} -->$/,
        ),
      },
    ]);
    expect(posted?.body).toContain('### review-router · deep review (anthropic `claude-opus-4-6`)');
    expect(posted?.body).toContain('risk high');
    expect(posted?.body).toContain("#### Findings outside the diff's lines (1)");
    expect(posted?.body).toContain('`src/auth/session.ts` line 40');

    const [row] = await app.ledger.list();
    // 3,200 input × $5 + 4,800 cache reads × $0.50 + 1,600 5-minute writes × $6.25
    // + 500 1-hour writes × $10 + 2,900 output × $25, per million tokens.
    const expected = (3_200 * 5 + 4_800 * 0.5 + 1_600 * 6.25 + 500 * 10 + 2_900 * 25) / 1e6;
    expect(row).toMatchObject({
      tier: 'deep',
      provider: 'anthropic',
      model: 'claude-opus-4-6',
      outcome: 'posted',
      riskLevel: 'high',
    });
    expect(row?.costUsd).toBeCloseTo(expected, 9);
    expect(row?.deepCostUsd).toBeCloseTo(expected, 9);
  });

  it('escalates to the deep tier when the fast model asks, posts one review and records both attempts', async () => {
    const pull = pullRequestObject({ headSha: HEAD });
    const github = mockPullRequest({
      pull,
      files: [
        prFile('src/utils/format-date.ts', ROUTINE_PATCH),
        prFile('test/format-date.test.ts', SMALL_TEST_PATCH),
      ],
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(
        200,
        openAIResponse({
          answer: modelAnswer({
            escalate: { needed: true, reason: 'the date change alters a public API contract' },
          }),
          usage: { inputTokens: 5_000, cachedTokens: 0, outputTokens: 800, reasoningTokens: 300 },
        }),
      );
    let anthropicRequest: Record<string, any> = {};
    const anthropic = nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages', (body) => {
        anthropicRequest = body as Record<string, any>;
        return true;
      })
      .reply(
        200,
        anthropicMessage({
          answer: modelAnswer({ summary: 'Deep look: callers expect a full timestamp.' }),
        }),
      );

    await deliver('delivery-escalate', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    anthropic.done();
    expect(anthropicRequest.model).toBe('claude-opus-4-6');
    expect(github.sent.reviews).toHaveLength(1);
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · deep review (anthropic `claude-opus-4-6`)');
    expect(body).toContain(
      '**Escalated:** the fast model asked for a deep review: the date change alters a public API contract',
    );
    expect(body).toContain('Deep look: callers expect a full timestamp.');

    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.tier, row.outcome])).toEqual(
      expect.arrayContaining([
        ['fast', 'escalated'],
        ['deep', 'posted'],
      ]),
    );
    expect(rows).toHaveLength(2);
    const fast = rows.find((row) => row.tier === 'fast')!;
    expect(fast.costUsd).toBeCloseTo((5_000 * 1.75 + 800 * 14) / 1e6, 9);
  });

  it('fails the check run with file, key and line for an invalid policy and calls no model', async () => {
    const policy = [
      'routing:',
      '  rules:',
      '    - when: { lables: [review:deep] }',
      '      tier: deep',
      '',
    ].join('\n');
    const sent = { checkRuns: [] as any[], checkRunUpdates: [] as any[], reviews: [] as any[] };
    const file = mockPolicyFile(policy, { times: 2 });
    const checks = mockChecks(sent);

    await deliver('delivery-bad-policy', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    file.done();
    checks.done();
    const update = sent.checkRunUpdates[0];
    expect(update.conclusion).toBe('failure');
    expect(update.output.summary).toContain('.github/review-router.yml');
    expect(update.output.summary).toContain('line 3');
    expect(update.output.summary).toContain('routing.rules[0].when.lables');
    expect(update.output.summary).toContain("did you mean 'labels'");
    const rows = await app.ledger.list();
    expect(rows).toMatchObject([
      { outcome: 'failed', provider: null, costUsd: 0, reason: 'invalid policy file' },
    ]);
  });

  it('skips a documentation-only pull request with a check run that says why, and posts no review', async () => {
    const pull = pullRequestObject({ headSha: HEAD });
    const github = mockPullRequest({
      pull,
      files: [
        prFile('README.md', '@@ -1 +1 @@\n-# Api\n+# API'),
        prFile('docs/setup.md', '@@ -3,0 +4 @@\n+Run npm ci.'),
      ],
      pullReads: 1,
    });
    const checks = mockChecks(github.sent);

    await deliver('delivery-docs', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    expect(github.sent.reviews).toEqual([]);
    expect(github.sent.checkRunUpdates[0]).toMatchObject({ conclusion: 'skipped' });
    expect(github.sent.checkRunUpdates[0]?.output.title).toMatch(/only_paths|documentation/);
    expect(await app.ledger.list()).toMatchObject([
      { outcome: 'skipped', tier: 'skip', costUsd: 0 },
    ]);
  });

  it('skips at once under enabled: false, before reading the change or pricing its models', async () => {
    // The policy names a model with no price: a disabled policy never gets as far as saying so.
    const policy =
      'enabled: false\nmodels:\n  deep: { provider: anthropic, model: claude-opus-9 }\n';
    const sent = { checkRuns: [] as any[], checkRunUpdates: [] as any[], reviews: [] as any[] };
    const github = nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7')
      .reply(200, pullRequestObject({ headSha: HEAD }));
    const scopes = [github, mockPolicyFile(policy), mockChecks(sent)];

    await deliver('delivery-disabled', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    expect(sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'skipped',
      output: { title: 'Skipped: review-router is disabled by the policy' },
    });
    expect(await app.ledger.list()).toMatchObject([{ outcome: 'skipped', tier: 'skip' }]);
  });

  it('says in the check run when a file named by _extends cannot be read, and goes on without it', async () => {
    const pull = pullRequestObject({ headSha: HEAD });
    const github = mockPullRequest({
      pull,
      policy: '_extends: .gthub\nreview:\n  max_comments: 5\n',
      files: [prFile('docs/setup.md', '@@ -3,0 +4 @@\n+Run npm ci.')],
      pullReads: 1,
    });
    github.scope
      .get(`/repos/acme/.gthub/contents/${POLICY_FILE}`)
      .reply(404, { message: 'Not Found' });
    const checks = mockChecks(github.sent);

    await deliver('delivery-unread-extends', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    const update = github.sent.checkRunUpdates[0];
    expect(update).toMatchObject({ conclusion: 'skipped' });
    expect(update?.output.summary).toContain(
      'the `_extends` of `acme/api:.github/review-router.yml` names `acme/.gthub:.github/review-router.yml`, which could not be read',
    );
  });

  it('mentions nobody in its check runs, even through a path with an @ in it', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      policy: 'routing:\n  rules:\n    - { when: { paths: ["packages/**"] }, tier: fast }\n',
      files: [prFile('packages/@acme/ui/format.ts', ROUTINE_PATCH)],
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ summary: 'Fine.' }) }));

    await deliver('delivery-at-path', pullRequestEvent('opened', { headSha: HEAD }));

    expect(app.errors).toEqual([]);
    for (const scope of [github.scope, checks, review, openai]) scope.done();
    const outputs = JSON.stringify([github.sent.checkRuns, github.sent.checkRunUpdates]);
    expect(outputs).toContain('packages/@\u200bacme/ui');
    expect(outputs).not.toMatch(/@[A-Za-z0-9]/);
  });

  it('does not review a head SHA twice when GitHub redelivers the webhook', async () => {
    const pull = pullRequestObject({ headSha: HEAD });
    const files = [
      prFile('src/utils/format-date.ts', ROUTINE_PATCH),
      prFile('test/format-date.test.ts', SMALL_TEST_PATCH),
    ];
    // The queue keeps the delivery id: the redelivery reads nothing and calls no model.
    const github = mockPullRequest({ pull, files, pullReads: 2 });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    const event = pullRequestEvent('opened', { headSha: HEAD });
    await deliver('delivery-1', event);
    await deliver('delivery-1', event);

    expect(app.errors).toEqual([]);
    checks.done();
    review.done();
    openai.done();
    expect(github.sent.reviews).toHaveLength(1);
    expect(nock.pendingMocks()).toEqual([]);
    const rows = await app.ledger.list();
    expect(rows.filter((r) => r.outcome === 'posted')).toHaveLength(1);
  });

  it('does not review a head SHA twice when two deliveries carry it', async () => {
    const pull = pullRequestObject({ headSha: HEAD });
    const files = [
      prFile('src/utils/format-date.ts', ROUTINE_PATCH),
      prFile('test/format-date.test.ts', SMALL_TEST_PATCH),
    ];
    const github = mockPullRequest({ pull, files, pullReads: 2 });
    // The second delivery reads the policy, the pull request and its files again, then finds the claim.
    mockPullRequest({ pull, files, pullReads: 1 });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    const event = pullRequestEvent('opened', { headSha: HEAD });
    await deliver('delivery-1', event);
    await deliver('delivery-2', event);

    expect(app.errors).toEqual([]);
    checks.done();
    review.done();
    openai.done();
    expect(github.sent.reviews).toHaveLength(1);
    expect(nock.pendingMocks()).toEqual([]);
    const rows = await app.ledger.list();
    expect(rows.filter((r) => r.outcome === 'posted')).toHaveLength(1);
  });

  it('answers the webhook before a slow model has finished', async () => {
    const { createServer } = await import('node:http');
    const { createHmac } = await import('node:crypto');
    const { createNodeMiddleware, Probot } = await import('probot');
    const { TestOctokit } = await import('../helpers/test-app.js');
    const probot = new Probot({
      githubToken: 'test',
      secret: 'webhook-secret',
      Octokit: TestOctokit,
      logLevel: 'fatal',
    });
    const middleware = await createNodeMiddleware(app.appFn, { probot });
    const server = createServer((req, res) => void middleware(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    nock.enableNetConnect('127.0.0.1');
    try {
      const pull = pullRequestObject({ headSha: HEAD });
      const github = mockPullRequest({
        pull,
        files: [
          prFile('src/utils/format-date.ts', ROUTINE_PATCH),
          prFile('test/format-date.test.ts', SMALL_TEST_PATCH),
        ],
      });
      mockChecks(github.sent);
      mockReview(github.sent);
      nock(OPENAI_TEST_ORIGIN)
        .post('/v1/responses')
        .delay(1_500)
        .reply(200, openAIResponse({ answer: modelAnswer() }));

      const body = JSON.stringify(pullRequestEvent('opened', { headSha: HEAD }));
      const signature = `sha256=${createHmac('sha256', 'webhook-secret').update(body).digest('hex')}`;
      const { port } = server.address() as { port: number };
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': 'delivery-slow',
          'x-hub-signature-256': signature,
        },
        body,
      });
      const ackMs = performance.now() - started;
      expect(response.status).toBe(200);
      expect(ackMs).toBeLessThan(1_000);
      expect(github.sent.reviews).toHaveLength(0);
      await app.queue.idle();
      expect(github.sent.reviews).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('rejects a webhook with a bad signature and queues nothing', async () => {
    const { createServer } = await import('node:http');
    const { createNodeMiddleware, Probot } = await import('probot');
    const { TestOctokit } = await import('../helpers/test-app.js');
    const probot = new Probot({
      githubToken: 'test',
      secret: 'webhook-secret',
      Octokit: TestOctokit,
      logLevel: 'fatal',
    });
    const middleware = await createNodeMiddleware(app.appFn, { probot });
    const server = createServer((req, res) => void middleware(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    nock.enableNetConnect('127.0.0.1');
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': 'forged',
          'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
        },
        body: JSON.stringify(pullRequestEvent('opened', { headSha: HEAD })),
      });
      expect(response.status).toBe(400);
      expect(await app.queue.depth()).toBe(0);
      expect(await app.ledger.list()).toEqual([]);
    } finally {
      server.close();
    }
  });
});

export { GITHUB_API };
