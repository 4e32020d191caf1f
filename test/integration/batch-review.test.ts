/**
 * Batch reviews through the webhook, against a fake batch service (nock): queued with a check run
 * that says so, polled through the queue's delayed jobs (also across a restart), posted when the
 * answer comes, and priced at half the table's price.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptAnthropicBatch,
  acceptOpenAIBatch,
  anthropicBatchEnded,
  openAIBatchEnded,
  openAIBatchWaiting,
} from '../helpers/batch-service.js';
import {
  mockChecks,
  mockPolicyFile,
  GITHUB_API,
  mockReview,
  type Sent,
} from '../helpers/github-mock.js';
import { issueCommentEvent } from '../helpers/comment-payloads.js';
import { mockPermission, mockReaction, newTalk } from '../helpers/github-conversation.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { finding, modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { reviewMarks } from '../../src/publish/render-summary.js';
import { ROUTINE_PATCH } from '../helpers/sample-patches.js';

const HEAD = 'ba7c4e'.padEnd(40, '0');
const batchPolicy = (tier: 'fast' | 'deep') =>
  `routing:\n  rules:\n    - { when: { labels: [review:later] }, tier: ${tier}, mode: batch }\n`;

let dir: string;
let apps: TestApp[] = [];

/** `pollMs`: how long after submitting (and after each poll) the batch is asked about. */
const start = async (now?: () => Date, pollMs = 150): Promise<TestApp> => {
  const app = await startTestApp({ dir, batchPollMs: () => pollMs, ...(now ? { now } : {}) });
  apps.push(app);
  return app;
};

beforeEach(() => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), 'review-router-batch-'));
  apps = [];
});

afterEach(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

/** GitHub for one labelled pull request: reads counted by the test. */
const mockGitHub = (policy: string, reads: { policy: number; pull: number; files: number }) => {
  const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
  const pull = pullRequestObject({ headSha: HEAD, labels: ['review:later'] });
  mockPolicyFile(policy, { times: reads.policy });
  nock(GITHUB_API)
    .get('/repos/acme/api/pulls/7')
    .times(reads.pull)
    .reply(200, pull)
    .get('/repos/acme/api/pulls/7/files')
    .query({ per_page: '100' })
    .times(reads.files)
    .reply(200, [prFile('src/format-date.ts', ROUTINE_PATCH)]);
  mockChecks(sent);
  return sent;
};

const deliver = (app: TestApp, id: string) =>
  app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent('labeled', { headSha: HEAD, labels: ['review:later'] }) as never,
  });

const until = async (condition: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not met in 5 s');
};

describe('a batch review on OpenAI', () => {
  it('queues the review, survives a restart while it waits, and posts it at half price when the batch completes', async () => {
    const sent = mockGitHub(batchPolicy('fast'), { policy: 2, pull: 3, files: 2 });
    mockReview(sent);
    const submitted = acceptOpenAIBatch();
    const first = await start();

    await deliver(first, 'delivery-batch');
    await until(async () => {
      const waiting = await first.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 });
      return (
        waiting[0]?.checkId !== null && waiting.length === 1 && (await first.queue.depth()) === 1
      );
    });
    await first.queue.stop();
    expect(first.errors).toEqual([]);
    expect(sent.checkRuns[0]?.output.title).toBe('Queued for batch review on the fast tier');
    expect(sent.checkRuns[0]?.output.summary).toContain('Queued for batch review');
    expect(sent.checkRunUpdates).toEqual([]);
    expect(submitted.batch).toEqual({
      input_file_id: 'file-in',
      endpoint: '/v1/responses',
      completion_window: '24h',
      metadata: { review: submitted.line?.custom_id },
    });
    expect(submitted.line).toMatchObject({
      method: 'POST',
      url: '/v1/responses',
      body: {
        model: 'gpt-5.3-codex',
        store: false,
        text: { format: { type: 'json_schema', name: 'review' } },
      },
    });
    expect(JSON.stringify(submitted.line?.body.input)).toContain('src/format-date.ts');
    expect(await first.ledger.list()).toEqual([]);

    // A new process on the same database and queue: the stored poll resumes the batch.
    openAIBatchWaiting();
    openAIBatchEnded(submitted, {
      answer: modelAnswer({ findings: [finding({ path: 'src/format-date.ts', line: 2 })] }),
      usage: { inputTokens: 12_000, cachedTokens: 2_000, outputTokens: 800, reasoningTokens: 300 },
    });
    const second = await start();
    await until(async () => (await second.ledger.list()).length === 1);
    await second.queue.idle();

    expect(second.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(sent.reviews).toHaveLength(1);
    expect(String(sent.reviews[0]?.body)).toContain('Reviewed through a batch API at half price.');
    expect(sent.checkRunUpdates.map((update) => update.conclusion)).toEqual(['success']);
    const [row] = await second.ledger.list();
    // Usage x half the table's price: (10,000 x 1.75 + 2,000 x 0.175 + 800 x 14) / 1e6 / 2.
    expect(row).toMatchObject({
      deliveryId: 'delivery-batch',
      tier: 'fast',
      outcome: 'posted',
      batch: true,
      discount: 'batch',
      inputTokens: 12_000,
      cachedInputTokens: 2_000,
      outputTokens: 800,
    });
    expect(row?.costUsd).toBeCloseTo(0.014525, 9);
    expect(await second.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });
});

describe('/review on a pull request a batch rule matches', () => {
  it('reviews now, as the command asks, rather than queueing a batch', async () => {
    const app = await start(undefined, 60_000);
    const sent = mockGitHub(batchPolicy('fast'), { policy: 1, pull: 3, files: 1 });
    // The batch service would take it: the command must not use it.
    acceptOpenAIBatch();
    const talk = newTalk();
    const scopes = [
      mockReview(sent),
      mockPermission('maintainer', 'write'),
      mockReaction(talk),
      nock(OPENAI_TEST_ORIGIN)
        .post('/v1/responses')
        .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) })),
    ];

    await app.probot.receive({
      id: 'comment-now',
      name: 'issue_comment',
      payload: issueCommentEvent('/review') as never,
    });
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    expect(sent.reviews).toHaveLength(1);
    expect(talk.comments).toEqual([]);
    expect(await app.ledger.list({ repo: 'acme/api', pr: 7 })).toMatchObject([
      { deliveryId: 'comment-now', tier: 'fast', outcome: 'posted' },
    ]);
  });
});

describe('a batch poll that fails its last attempt', () => {
  it('is queued again, later, so the batch is still posted and recorded', async () => {
    const sent = mockGitHub(batchPolicy('fast'), { policy: 2, pull: 1, files: 2 });
    // The first poll meets GitHub down; the poll queued again after it finds it back.
    nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7')
      .reply(502, { message: 'Server Error' })
      .get('/repos/acme/api/pulls/7')
      .reply(200, pullRequestObject({ headSha: HEAD, labels: ['review:later'] }));
    mockReview(sent);
    const submitted = acceptOpenAIBatch();
    openAIBatchEnded(submitted, { answer: modelAnswer() });
    const app = await start();

    await deliver(app, 'delivery-poll-fails');
    await until(async () => (await app.ledger.list()).length === 1);
    await app.queue.idle();

    expect(app.errors).toHaveLength(1);
    expect(nock.pendingMocks()).toEqual([]);
    expect(sent.reviews).toHaveLength(1);
    expect(sent.checkRunUpdates.map((update) => update.conclusion)).toEqual(['success']);
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.outcome, row.batch])).toEqual([['posted', true]]);
    expect(await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });
});

describe('a batch answer that comes after the pull request changed', () => {
  it('is not posted on a pull request that became a draft, and its cost is recorded', async () => {
    const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    mockPolicyFile(batchPolicy('fast'), { times: 2 });
    nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7')
      .reply(200, pullRequestObject({ headSha: HEAD, labels: ['review:later'] }))
      .get('/repos/acme/api/pulls/7')
      .reply(200, pullRequestObject({ headSha: HEAD, labels: ['review:later'], draft: true }))
      .get('/repos/acme/api/pulls/7/files')
      .query({ per_page: '100' })
      .times(2)
      .reply(200, [prFile('src/format-date.ts', ROUTINE_PATCH)]);
    mockChecks(sent);
    const submitted = acceptOpenAIBatch();
    openAIBatchEnded(submitted, { answer: modelAnswer() });
    const app = await start();

    await deliver(app, 'delivery-batch-draft');
    await until(async () => (await app.ledger.list()).length === 1);
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(sent.reviews).toEqual([]);
    expect(sent.checkRunUpdates.map((update) => update.output.title)).toEqual([
      'Made a draft during the review',
    ]);
    const [row] = await app.ledger.list();
    expect(row).toMatchObject({
      outcome: 'superseded',
      batch: true,
      error: 'made a draft during the review (skip.drafts)',
    });
    expect(row?.costUsd).toBeGreaterThan(0);
  });

  it('is not posted a second time when its review is on the pull request already', async () => {
    const sent = mockGitHub(batchPolicy('fast'), { policy: 2, pull: 2, files: 2 });
    // Were it posted again, GitHub would take it.
    mockReview(sent);
    // An earlier poll of this batch posted the review and stopped before it could say so.
    const listed = nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7/reviews')
      .query({ per_page: '100' })
      .reply(200, [
        {
          id: 4343,
          user: { login: 'review-router[bot]', type: 'Bot' },
          commit_id: HEAD,
          body: `${reviewMarks('fast').join('\n')}\nThe batch's review.`,
          html_url: 'https://github.com/acme/api/pull/7#pullrequestreview-4343',
        },
      ]);
    const submitted = acceptOpenAIBatch();
    openAIBatchEnded(submitted, { answer: modelAnswer() });
    const app = await start();

    await deliver(app, 'delivery-batch-posted');
    await until(async () => (await app.ledger.list()).length === 1);
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    listed.done();
    expect(sent.reviews).toEqual([]);
    expect(sent.checkRunUpdates.map((update) => update.conclusion)).toEqual(['success']);
    expect(sent.checkRunUpdates[0]?.output.summary).toContain('pullrequestreview-4343');
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.outcome, row.batch])).toEqual([['posted', true]]);
    expect(await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });
});

describe('a batch superseded past its 24 hours', () => {
  it('is recorded at once, saying its cost is not known, rather than polled for good', async () => {
    let offsetMs = 0;
    const sent = mockGitHub(batchPolicy('fast'), { policy: 2, pull: 1, files: 2 });
    const submitted = acceptOpenAIBatch();
    // Its first poll is not due before the push below supersedes it: on a busy machine a poll due
    // in 150 ms could run in the second app before the push's job is queued, and read the pull
    // request a third time.
    const app = await start(() => new Date(Date.now() + offsetMs), 600_000);
    await deliver(app, 'delivery-old-batch');
    await until(async () => {
      const [waiting] = await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 });
      return waiting !== undefined && waiting.checkId !== null;
    });
    await app.queue.stop();
    expect(submitted.batch).not.toBeNull();

    // 27 hours on, a push: the provider still says the batch runs, and no poll is queued again.
    offsetMs = 27 * 60 * 60_000;
    const NEWER = 'f00d00'.padEnd(40, '0');
    nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7')
      .times(2)
      .reply(200, pullRequestObject({ headSha: NEWER }));
    openAIBatchWaiting();
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));
    mockChecks(sent);
    mockReview(sent);
    const second = await start(() => new Date(Date.now() + offsetMs));
    await second.probot.receive({
      id: 'delivery-newer',
      name: 'pull_request',
      payload: pullRequestEvent('synchronize', { headSha: NEWER }) as never,
    });
    await second.queue.idle();

    expect(second.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    const superseded = (await second.ledger.list()).find((row) => row.outcome === 'superseded');
    expect(superseded).toMatchObject({
      headSha: HEAD,
      batch: true,
      costUsd: 0,
      error: 'canceled; its provider never said the batch ended, so what it cost is not known',
    });
    expect(await second.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });
});

describe('a batch review on Anthropic', () => {
  it('sends the Messages request as a Message Batch and posts the deep review at half price', async () => {
    const sent = mockGitHub(batchPolicy('deep'), { policy: 2, pull: 2, files: 2 });
    mockReview(sent);
    const submitted = acceptAnthropicBatch();
    const app = await start();

    await deliver(app, 'delivery-anthropic-batch');
    await until(
      async () =>
        (await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 }))[0]?.checkId !== null,
    );
    anthropicBatchEnded(submitted, { answer: modelAnswer() });
    await until(async () => (await app.ledger.list()).length === 1);
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(submitted.line).toMatchObject({
      params: {
        model: 'claude-opus-4-6',
        thinking: { type: 'adaptive' },
        output_config: { effort: 'high', format: { type: 'json_schema' } },
      },
    });
    expect(sent.checkRuns[0]?.output.title).toBe('Queued for batch review on the deep tier');
    expect(sent.reviews).toHaveLength(1);
    const [row] = await app.ledger.list();
    // (3,200 x 5 + 4,800 x 0.5 + 1,600 x 6.25 + 500 x 10 + 2,900 x 25) / 1e6 / 2
    expect(row).toMatchObject({ tier: 'deep', outcome: 'posted', batch: true, discount: 'batch' });
    expect(row?.costUsd).toBeCloseTo(0.05295, 9);
    expect(row?.deepCostUsd).toBeCloseTo(0.05295, 9);
  });
});
