/**
 * Provider faults: each ends in a posted review or a check run that says why,
 * and every attempt is in the ledger. The test clients make no SDK retries, so one mocked answer is
 * one attempt; production clients retry twice with backoff, honouring retry-after, first.
 */
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countTokens } from '../../src/review/count-tokens.js';
import { DEFAULT_LIMITS } from '../../src/worker/types.js';
import {
  anthropicError,
  anthropicMessage,
  anthropicTestClient,
  ANTHROPIC_TEST_BASE_URL,
} from '../helpers/anthropic-messages.js';
import {
  GITHUB_API,
  mockChecks,
  mockPullRequest,
  mockReview,
  type Sent,
} from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { finding, modelAnswer } from '../helpers/model-answers.js';
import {
  openAIError,
  openAIResponse,
  openAITestClient,
  OPENAI_TEST_ORIGIN,
} from '../helpers/openai-responses.js';
import { startSilentServer, type SilentServer } from '../helpers/silent-server.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.js';

const HEAD = 'fa17'.padEnd(40, '0');
const ROUTINE = [
  prFile(
    'src/utils/format-date.ts',
    '@@ -1,3 +1,4 @@\n export const f = () => {\n-  return 1;\n+  const x = 1;\n+  return x;\n };',
  ),
  prFile(
    'test/format-date.test.ts',
    "@@ -1,1 +1,2 @@\n import { f } from '../src/utils/format-date.js';\n+it('works', () => f());",
  ),
];
const RISKY = [
  prFile(
    'src/auth/session.ts',
    "@@ -10,3 +10,4 @@\n   const session = sessions.get(token);\n+  if (session?.user === 'admin') return session;\n   return session ?? null;\n }",
  ),
];

const NOW = Date.parse('2026-11-21T10:00:00.000Z');

/** The job ended in the neutral "the model call failed" check run: its summary. */
const failedCallSummary = (sent: Sent): string => {
  const update = sent.checkRunUpdates[0];
  expect(update).toMatchObject({
    conclusion: 'neutral',
    output: { title: 'No review: the model call failed' },
  });
  return String(update?.output.summary);
};

let app: TestApp;
/** A provider that never answers, for the tests that need one; closed after each test. */
let silent: SilentServer | null = null;

// As main.ts does at start: building the tokenizer's tables (about 0.6 s) in the first review
// would eat most of the short deadlines below.
beforeAll(() => {
  countTokens('warm up');
});

beforeEach(async () => {
  nock.disableNetConnect();
  app = await startTestApp({ now: () => new Date(NOW) });
});

afterEach(async () => {
  await app.close();
  await silent?.close();
  silent = null;
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The same app with other limits, clients or clock. */
const restartApp = async (options: TestAppOptions) => {
  await app.close();
  app = await startTestApp({ now: () => new Date(NOW), ...options });
};

/** A real server on 127.0.0.1 that takes the request and never answers (nock cannot do that). */
const startHangingProvider = async () => {
  silent = await startSilentServer();
  nock.enableNetConnect('127.0.0.1');
  return silent;
};

/**
 * The worker's clock, which the review deadline reads: it jumps `ms` ahead when `scope` sees a
 * request, so a test can let the deadline pass at an exact step of the review without waiting.
 */
const clockThatJumps = (scope: nock.Scope, ms: number) => {
  let offset = 0;
  scope.on('request', () => {
    offset = ms;
  });
  return () => new Date(NOW + offset);
};

/**
 * A reset connection: nock 15 hands an Error with this code to fetch as a network failure, which
 * the SDK reports as APIConnectionError (a plain `{ code, message }` object never settles).
 */
const connectionReset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

const FAST_FALLBACK_POLICY =
  'models:\n  fast:\n    fallback: { provider: anthropic, model: claude-haiku-4-5, effort: low }\n';

/** The fallback's answer; a test that expects it unasked asserts the scope is still pending. */
const fallbackAnswers = () =>
  nock(ANTHROPIC_TEST_BASE_URL)
    .post('/v1/messages')
    .reply(
      200,
      anthropicMessage({
        answer: modelAnswer({ summary: 'Reviewed by the fallback.' }),
        model: 'claude-haiku-4-5',
      }),
    );

/** The fast model answers with findings on the routine file, each `[line, title]`. */
const answerWithFindings = (...findings: Array<[number, string]>) =>
  nock(OPENAI_TEST_ORIGIN)
    .post('/v1/responses')
    .reply(
      200,
      openAIResponse({
        answer: modelAnswer({
          findings: findings.map(([line, title]) =>
            finding({ path: 'src/utils/format-date.ts', line, suggestion: null, title }),
          ),
        }),
      }),
    );

const deliver = async (id: string) => {
  await app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
  });
  await app.queue.idle();
};

describe('when a provider fails', () => {
  it.each([
    [
      'an OpenAI 429',
      ROUTINE,
      () =>
        nock(OPENAI_TEST_ORIGIN)
          .post('/v1/responses')
          .reply(429, openAIError('Rate limit reached', 'rate_limit_error'), {
            'retry-after': '20',
          }),
      /openai gpt-5\.3-codex failed \(rate-limited, HTTP 429\)/,
    ],
    [
      'an OpenAI 500',
      ROUTINE,
      () =>
        nock(OPENAI_TEST_ORIGIN)
          .post('/v1/responses')
          .reply(500, openAIError('The server had an error', 'server_error')),
      /openai gpt-5\.3-codex failed \(server-error, HTTP 500\)/,
    ],
    [
      'an Anthropic 529',
      RISKY,
      () =>
        nock(ANTHROPIC_TEST_BASE_URL)
          .post('/v1/messages')
          .reply(529, anthropicError('overloaded_error', 'Overloaded')),
      /anthropic claude-opus-4-6 failed \(overloaded, HTTP 529\)/,
    ],
  ])(
    'ends %s in a neutral check run naming the provider and the error, with the attempt in the ledger',
    async (_name, files, mockProvider, message) => {
      const github = mockPullRequest({
        pull: pullRequestObject({ headSha: HEAD }),
        files,
        pullReads: 1,
      });
      const checks = mockChecks(github.sent);
      const provider = mockProvider();

      await deliver('delivery-fault');

      expect(app.errors).toEqual([]);
      github.scope.done();
      checks.done();
      provider.done();
      expect(github.sent.reviews).toEqual([]);
      expect(failedCallSummary(github.sent)).toMatch(message);
      const rows = await app.ledger.list();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'failed', costUsd: 0 });
      expect(rows[0]?.error).toMatch(
        message.source.includes('429') ? /rate-limited/ : /server-error|overloaded/,
      );
    },
  );

  it('fails over to a fallback the policy gives no effort, as the contract writes it', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      policy: 'models:\n  fast:\n    fallback: { provider: anthropic, model: claude-haiku-4-5 }\n',
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(503, openAIError('Service unavailable', 'server_error'));
    const anthropic = fallbackAnswers();

    await deliver('delivery-failover-no-effort');

    expect(app.errors).toEqual([]);
    for (const scope of [github.scope, checks, review, openai, anthropic]) scope.done();
    expect(github.sent.reviews[0]?.body).toContain('fast review (anthropic `claude-haiku-4-5`)');
  });

  it('fails over to the policy fallback model and posts its review', async () => {
    const policy =
      'models:\n  fast:\n    fallback: { provider: anthropic, model: claude-haiku-4-5, effort: low }\n';
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      policy,
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(503, openAIError('Service unavailable', 'server_error'));
    let anthropicModel = '';
    const anthropic = nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages', (body: { model: string }) => {
        anthropicModel = body.model;
        return true;
      })
      .reply(
        200,
        anthropicMessage({
          answer: modelAnswer({ summary: 'Reviewed by the fallback.' }),
          model: 'claude-haiku-4-5',
          usage: {
            inputTokens: 2_000,
            cacheReadTokens: 0,
            cacheWrite5mTokens: 0,
            cacheWrite1hTokens: 0,
            outputTokens: 500,
            thinkingTokens: null,
          },
        }),
      );

    await deliver('delivery-failover');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    anthropic.done();
    expect(anthropicModel).toBe('claude-haiku-4-5');
    expect(github.sent.reviews[0]?.body).toContain('fast review (anthropic `claude-haiku-4-5`)');
    expect(github.sent.reviews[0]?.body).toContain(
      'openai gpt-5.3-codex failed, so its fallback answered',
    );
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.provider, row.model, row.outcome])).toEqual(
      expect.arrayContaining([
        ['openai', 'gpt-5.3-codex', 'failed'],
        ['anthropic', 'claude-haiku-4-5', 'posted'],
      ]),
    );
    const posted = rows.find((row) => row.outcome === 'posted')!;
    // claude-haiku-4-5: 2,000 input × $1 + 500 output × $5, per million tokens.
    expect(posted.costUsd).toBeCloseTo((2_000 * 1 + 500 * 5) / 1e6, 9);
  });

  it('posts the review without findings after an answer fails validation twice, and says so', async () => {
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: ROUTINE });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .twice()
      .reply(200, openAIResponse({ answer: '{"summary": 42, "findings": "none"}' }));

    await deliver('delivery-invalid');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    expect(github.sent.reviews[0]?.comments).toEqual([]);
    expect(github.sent.reviews[0]?.body).toContain("The model's answer failed validation twice");
    expect(github.sent.checkRunUpdates[0]).toMatchObject({ conclusion: 'neutral' });
    const rows = await app.ledger.list();
    expect(rows.map((row) => row.outcome).sort()).toEqual(['failed', 'posted']);
    expect(rows.every((row) => row.costUsd > 0)).toBe(true);
  });
});

describe('when the connection to a provider is reset', () => {
  it('fails over to the fallback, posts its review and records the reset attempt', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      policy: FAST_FALLBACK_POLICY,
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN).post('/v1/responses').replyWithError(connectionReset());
    const anthropic = fallbackAnswers();

    await deliver('delivery-reset-failover');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    anthropic.done();
    expect(github.sent.reviews[0]?.body).toContain('Reviewed by the fallback.');
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.provider, row.outcome])).toEqual(
      expect.arrayContaining([
        ['openai', 'failed'],
        ['anthropic', 'posted'],
      ]),
    );
    const failed = rows.find((row) => row.outcome === 'failed');
    expect(failed?.error).toMatch(/^connection: OpenAI could not be reached/);
    expect(failed).toMatchObject({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
  });

  it('ends in a neutral check run naming the provider when there is no fallback', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      pullReads: 1,
    });
    const checks = mockChecks(github.sent);
    const openai = nock(OPENAI_TEST_ORIGIN).post('/v1/responses').replyWithError(connectionReset());

    await deliver('delivery-reset');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    openai.done();
    expect(github.sent.reviews).toEqual([]);
    expect(failedCallSummary(github.sent)).toMatch(
      /openai gpt-5\.3-codex failed \(connection\): OpenAI could not be reached/,
    );
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: 'openai', outcome: 'failed' });
    expect(rows[0]?.error).toMatch(/^connection: /);
  });
});

describe('when a provider does not answer in time', () => {
  it.each([
    ['openai', 'gpt-5\\.3-codex', 'OpenAI', ROUTINE],
    ['anthropic', 'claude-opus-4-6', 'Anthropic', RISKY],
  ] as const)(
    'ends a call to %s past the model timeout in a neutral check run naming the provider',
    async (provider, model, name, files) => {
      const hanging = await startHangingProvider();
      await restartApp({
        limits: { ...DEFAULT_LIMITS, modelTimeoutMs: 300 },
        clients:
          provider === 'openai'
            ? { openai: openAITestClient({ baseURL: `${hanging.origin}/v1` }) }
            : { anthropic: anthropicTestClient({ baseURL: hanging.origin }) },
      });
      const github = mockPullRequest({
        pull: pullRequestObject({ headSha: HEAD }),
        files,
        pullReads: 1,
      });
      const checks = mockChecks(github.sent);

      await deliver(`delivery-timeout-${provider}`);

      expect(app.errors).toEqual([]);
      github.scope.done();
      checks.done();
      expect(hanging.requests.map((request) => request.path)).toEqual([
        provider === 'openai' ? '/v1/responses' : '/v1/messages',
      ]);
      expect(failedCallSummary(github.sent)).toMatch(
        new RegExp(`^${provider} ${model} failed \\(timeout\\): ${name} did not answer in time`),
      );
      const rows = await app.ledger.list();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ provider, outcome: 'failed', inputTokens: 0, costUsd: 0 });
      expect(rows[0]?.error).toMatch(/^timeout: /);
    },
  );
});

describe("when the review's total deadline passes", () => {
  it('stops the call in flight at the deadline, says so, and does not fail over', async () => {
    const hanging = await startHangingProvider();
    await restartApp({
      // The model timeout alone would let the call run ten times longer.
      limits: { ...DEFAULT_LIMITS, modelTimeoutMs: 5_000, reviewDeadlineMs: 500 },
      clients: { openai: openAITestClient({ baseURL: `${hanging.origin}/v1` }) },
    });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      policy: FAST_FALLBACK_POLICY,
      pullReads: 1,
    });
    const checks = mockChecks(github.sent);
    const fallback = fallbackAnswers();

    await deliver('delivery-deadline');

    // Stopped by the deadline's abort, within 0.5 s of the job's start: not by the SDK's timeout,
    // which comes a second after the deadline at the earliest.
    const stoppedAfterMs = Date.now() - (hanging.requests[0]?.at ?? 0);
    expect(stoppedAfterMs).toBeLessThan(900);
    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    expect(hanging.requests.map((request) => request.path)).toEqual(['/v1/responses']);
    expect(fallback.isDone()).toBe(false);
    expect(failedCallSummary(github.sent)).toMatch(
      /^openai gpt-5\.3-codex failed \(timeout\): The review's total deadline \(0\.5 s\) passed while OpenAI was answering/,
    );
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      provider: 'openai',
      outcome: 'failed',
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
    });
    expect(rows[0]?.error).toContain("timeout: The review's total deadline (0.5 s) passed");
  });

  it('does not ask the fallback when the first call failed after the deadline', async () => {
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(503, openAIError('Service unavailable', 'server_error'));
    await restartApp({
      limits: { ...DEFAULT_LIMITS, reviewDeadlineMs: 60_000 },
      now: clockThatJumps(openai, 2 * 60_000),
    });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      policy: FAST_FALLBACK_POLICY,
      pullReads: 1,
    });
    const checks = mockChecks(github.sent);
    const fallback = fallbackAnswers();

    await deliver('delivery-deadline-no-failover');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    openai.done();
    expect(fallback.isDone()).toBe(false);
    const summary = String(github.sent.checkRunUpdates[0]?.output.summary);
    expect(summary).toMatch(/^openai gpt-5\.3-codex failed \(server-error, HTTP 503\)/);
    expect(summary).toContain(
      "the review's total deadline (1 min) has passed, so the fallback anthropic claude-haiku-4-5 was not asked",
    );
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.provider, row.outcome])).toEqual([['openai', 'failed']]);
  });

  it('sends no repair request for an invalid answer, records the answer and says why', async () => {
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: '{"summary": 42, "findings": "none"}' }));
    await restartApp({
      limits: { ...DEFAULT_LIMITS, reviewDeadlineMs: 60_000 },
      now: clockThatJumps(openai, 2 * 60_000),
    });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      pullReads: 1,
    });
    const checks = mockChecks(github.sent);

    await deliver('delivery-deadline-no-repair');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    openai.done();
    expect(github.sent.reviews).toEqual([]);
    const summary = failedCallSummary(github.sent);
    expect(summary).toMatch(
      /^openai gpt-5\.3-codex failed \(timeout\): OpenAI returned an answer that fails the review schema/,
    );
    expect(summary).toContain(
      "the review's total deadline (1 min) passed before a repair request could be sent",
    );
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    // The invalid answer was billed: its tokens are in the ledger.
    expect(rows[0]).toMatchObject({ provider: 'openai', outcome: 'failed', inputTokens: 5_200 });
    expect(rows[0]?.costUsd).toBeGreaterThan(0);
    expect(rows[0]?.error).toMatch(/^invalid-answer: /);
  });

  it('asks no model when the deadline passed before the first call', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: ROUTINE,
      pullReads: 1,
    });
    await restartApp({
      limits: { ...DEFAULT_LIMITS, reviewDeadlineMs: 60_000 },
      now: clockThatJumps(github.scope, 2 * 60_000),
    });
    const checks = mockChecks(github.sent);

    await deliver('delivery-deadline-not-started');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    expect(failedCallSummary(github.sent)).toBe(
      "openai gpt-5.3-codex was not asked: the review's total deadline (1 min) passed before the call could start. To resolve, raise REVIEW_DEADLINE_MS if reviews this size need longer",
    );
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: 'openai', outcome: 'failed', costUsd: 0 });
  });

  it('posts the fast review with a note instead of starting the deep review it asked for', async () => {
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(
        200,
        openAIResponse({
          answer: modelAnswer({
            findings: [],
            escalate: { needed: true, reason: 'the date format is a public contract' },
          }),
        }),
      );
    await restartApp({
      limits: { ...DEFAULT_LIMITS, reviewDeadlineMs: 60_000 },
      now: clockThatJumps(openai, 2 * 60_000),
    });
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: ROUTINE });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const deep = nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages')
      .reply(200, anthropicMessage({ answer: modelAnswer() }));

    await deliver('delivery-deadline-no-escalation');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    review.done();
    openai.done();
    expect(deep.isDone()).toBe(false);
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('fast review (openai `gpt-5.3-codex`)');
    expect(body).toContain(
      "The fast model asked for a deep review, but the review's total deadline (1 min) had passed, so the deep review was not started; the fast review is posted.",
    );
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.tier, row.provider, row.outcome])).toEqual([
      ['fast', 'openai', 'posted'],
    ]);
  });
});

describe('when GitHub rejects the inline comments', () => {
  it('moves only the comment GitHub will not place to the body, found with pending reviews', async () => {
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: ROUTINE });
    const checks = mockChecks(github.sent);
    const bodies: Array<{ event?: string; comments: Array<{ line: number }> }> = [];
    const reviews = nock(GITHUB_API)
      // The first review, with both comments: refused.
      .post(
        '/repos/acme/api/pulls/7/reviews',
        (body: { event?: string; comments: unknown[] }) =>
          body.event === 'COMMENT' && body.comments.length === 2,
      )
      .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] })
      // Probes: pending reviews (no event) with one comment each; the one on line 3 is placed.
      .post(
        '/repos/acme/api/pulls/7/reviews',
        (body: { event?: string; comments: Array<{ line: number }> }) => {
          if (body.event !== undefined) return false;
          bodies.push(body);
          return body.comments.length === 1 && body.comments[0]!.line === 3;
        },
      )
      .reply(200, { id: 91, state: 'PENDING' })
      .delete('/repos/acme/api/pulls/7/reviews/91')
      .reply(200, { id: 91 })
      .post(
        '/repos/acme/api/pulls/7/reviews',
        (body: { event?: string; comments: Array<{ line: number }> }) =>
          body.event === undefined && body.comments[0]?.line === 4,
      )
      .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
    const review = mockReview(github.sent);
    answerWithFindings([3, 'Placed fine'], [4, 'GitHub refuses this one']);

    await deliver('delivery-422-one');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    reviews.done();
    review.done();
    const posted = github.sent.reviews[0];
    expect(posted?.comments.map((comment: { line: number }) => comment.line)).toEqual([3]);
    expect(posted?.body).toContain('GitHub refuses this one');
    expect(posted?.body).toContain('GitHub did not accept one finding as inline comments');
    expect(posted?.event).toBe('COMMENT');
  });

  it('moves a lone refused comment to the body without probing, and posts the review', async () => {
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: ROUTINE });
    const checks = mockChecks(github.sent);
    const rejected = nock(GITHUB_API)
      .post(
        '/repos/acme/api/pulls/7/reviews',
        (body: { comments: unknown[] }) => body.comments.length > 0,
      )
      .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
    const review = mockReview(github.sent);
    answerWithFindings([3, 'Off by one']);

    await deliver('delivery-422');

    expect(app.errors).toEqual([]);
    github.scope.done();
    checks.done();
    rejected.done();
    review.done();
    expect(github.sent.reviews[0]?.comments).toEqual([]);
    expect(github.sent.reviews[0]?.body).toContain('Off by one');
    expect(github.sent.reviews[0]?.body).toContain(
      'GitHub did not accept one finding as inline comments',
    );
  });

  it('fails as GitHub said when every comment is placed after all: the 422 was about something else', async () => {
    const github = mockPullRequest({ pull: pullRequestObject({ headSha: HEAD }), files: ROUTINE });
    // The review's check run, then the dead letter's.
    const checks = mockChecks(github.sent, { times: 2 });
    const refused = { message: 'Unprocessable Entity', errors: ['Something else went wrong'] };
    const reviews = nock(GITHUB_API)
      .post(
        '/repos/acme/api/pulls/7/reviews',
        (body: { event?: string }) => body.event === 'COMMENT',
      )
      .reply(422, refused)
      // Both probes: placed.
      .post(
        '/repos/acme/api/pulls/7/reviews',
        (body: { event?: string }) => body.event === undefined,
      )
      .times(2)
      .reply(200, { id: 92, state: 'PENDING' })
      .delete('/repos/acme/api/pulls/7/reviews/92')
      .times(2)
      .reply(200, { id: 92 });
    answerWithFindings([3, 'Placed fine'], [4, 'Placed fine too']);

    await deliver('delivery-422-other');

    expect(app.errors).toHaveLength(1);
    github.scope.done();
    checks.done();
    reviews.done();
    expect(github.sent.reviews).toEqual([]);
    expect(github.sent.checkRunUpdates.at(-1)?.output.summary).toContain(
      'Something else went wrong',
    );
  });
});
