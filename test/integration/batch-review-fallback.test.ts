/**
 * Batch reviews that do not end with an answer: one that expires runs again without batch, and a
 * newer push or a close supersedes one still waiting (canceled, and recorded once its provider
 * says it ended), all with what they cost recorded and the check run saying what happened.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  acceptOpenAIBatch,
  openAIBatchEnded,
  openAIBatchWaiting,
} from '../helpers/batch-service.js';
import {
  GITHUB_API,
  mockChecks,
  mockPolicyFile,
  mockReview,
  type Sent,
} from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { ROUTINE_PATCH } from '../helpers/sample-patches.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'ba7c4e'.padEnd(40, '0');
const NEWER = 'f00d00'.padEnd(40, '0');
const POLICY =
  'routing:\n  rules:\n    - { when: { labels: [review:later] }, tier: fast, mode: batch }\n';

let app: TestApp;

useTestApp(
  () => ({ batchPollMs: () => 100 }),
  (started) => {
    app = started;
  },
);

const mockPull = (head: string, labels: string[], reads: { pull: number; files: number }) =>
  nock(GITHUB_API)
    .get('/repos/acme/api/pulls/7')
    .times(reads.pull)
    .reply(200, pullRequestObject({ headSha: head, labels }))
    .get('/repos/acme/api/pulls/7/files')
    .query({ per_page: '100' })
    .times(reads.files)
    .reply(200, [prFile('src/format-date.ts', ROUTINE_PATCH)]);

const deliver = (id: string, head: string, labels: string[], action = 'labeled') =>
  app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent(action, { headSha: head, labels }) as never,
  });

const waitingCheck = async (): Promise<void> => {
  for (let i = 0; i < 200; i += 1) {
    const [batch] = await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 });
    if (batch?.checkId !== null && batch !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no batch review queued in 5 s');
};

describe('a batch review that expires', () => {
  it('says so in its check run, records the batch, and reviews again without batch', async () => {
    const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    mockPolicyFile(POLICY, { times: 2 });
    mockPull(HEAD, ['review:later'], { pull: 4, files: 2 });
    mockChecks(sent, { times: 2 });
    mockReview(sent);
    const submitted = acceptOpenAIBatch();
    openAIBatchEnded(submitted, { status: 'expired' });
    let request: Record<string, any> = {};
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses', (body: Record<string, any>) => {
        request = body;
        return true;
      })
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    await deliver('delivery-expires', HEAD, ['review:later']);
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(request.model).toBe('gpt-5.3-codex');
    expect(sent.checkRuns.map((run) => run.output.title)).toEqual([
      'Queued for batch review on the fast tier',
      'Reviewing on the fast tier',
    ]);
    expect(sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Batch review failed: reviewing now without batch' },
    });
    expect(sent.checkRunUpdates[0]?.output.summary).toContain('expired');
    expect(sent.checkRunUpdates[1]?.conclusion).toBe('success');
    expect(sent.reviews).toHaveLength(1);
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.outcome, row.batch, row.discount, row.costUsd > 0])).toEqual(
      expect.arrayContaining([
        ['failed', true, 'batch', false],
        ['posted', false, null, true],
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});

describe('a newer push while a batch review waits', () => {
  /** The batch is queued for HEAD; then a push to NEWER, with the label gone, is reviewed now. */
  const pushOverWaitingBatch = async (sent: Sent) => {
    mockPolicyFile(POLICY, { times: 2 });
    mockPull(HEAD, ['review:later'], { pull: 1, files: 1 });
    mockChecks(sent, { times: 2 });
    const submitted = acceptOpenAIBatch();
    await deliver('delivery-first', HEAD, ['review:later']);
    await waitingCheck();

    // The push arrives before the first poll: the label is gone, so the new head is reviewed now.
    // Its job finds the batch running and cancels it; a poll under the new head reads what it cost.
    mockPull(NEWER, [], { pull: 3, files: 1 });
    nock(OPENAI_TEST_ORIGIN)
      .get('/v1/batches/batch_review_1')
      .reply(200, {
        id: 'batch_review_1',
        object: 'batch',
        status: 'in_progress',
        endpoint: '/v1/responses',
        input_file_id: 'file-in',
        completion_window: '24h',
        created_at: 1,
      })
      .post('/v1/batches/batch_review_1/cancel')
      .reply(200, {
        id: 'batch_review_1',
        object: 'batch',
        status: 'cancelling',
        endpoint: '/v1/responses',
        input_file_id: 'file-in',
        completion_window: '24h',
        created_at: 1,
      })
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));
    mockReview(sent);
    return submitted;
  };

  it('cancels the waiting batch, records it as superseded, and reviews the new head', async () => {
    const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    const submitted = await pushOverWaitingBatch(sent);
    openAIBatchEnded(submitted, { status: 'cancelled' });
    await deliver('delivery-push', NEWER, [], 'synchronize');
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(submitted.line?.custom_id).toEqual(expect.any(String));
    const superseded = sent.checkRunUpdates.find(
      (update) => update.output.title === 'Superseded by a newer push',
    );
    expect(superseded?.conclusion).toBe('neutral');
    expect(sent.reviews).toHaveLength(1);
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.headSha, row.outcome, row.batch])).toEqual(
      expect.arrayContaining([
        [HEAD, 'superseded', true],
        [NEWER, 'posted', false],
      ]),
    );
    expect(rows.find((row) => row.outcome === 'superseded')?.error).toBe(
      'canceled before the batch ran',
    );
    expect(await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });

  it('records what a request that ran before the cancel cost, once the provider ends the batch', async () => {
    const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    const submitted = await pushOverWaitingBatch(sent);
    // The cancel came while the review's request was running: it finished, and it is billed.
    openAIBatchEnded(submitted, {
      status: 'cancelled',
      output: true,
      answer: modelAnswer(),
      usage: { inputTokens: 20_000, cachedTokens: 0, outputTokens: 2_000, reasoningTokens: 500 },
    });
    await deliver('delivery-push', NEWER, [], 'synchronize');
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(sent.reviews).toHaveLength(1);
    const superseded = (await app.ledger.list()).find((row) => row.outcome === 'superseded');
    expect(superseded).toMatchObject({
      headSha: HEAD,
      batch: true,
      discount: 'batch',
      inputTokens: 20_000,
      outputTokens: 2_000,
      error: null,
    });
    expect(superseded?.costUsd).toBeGreaterThan(0);
    expect(
      sent.checkRunUpdates.find((update) => update.output.title === 'Superseded by a newer push'),
    ).toBeDefined();
    expect(await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });
});

describe('a pull request closed while its batch review runs', () => {
  it('cancels the batch and records what it cost once the provider ends it', async () => {
    const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    mockPolicyFile(POLICY);
    mockPull(HEAD, ['review:later'], { pull: 1, files: 1 });
    mockChecks(sent);
    const submitted = acceptOpenAIBatch();
    // Both polls find the pull request closed: the first cancels the running batch, the second
    // reads what the request that finished before the cancel cost.
    nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7')
      .times(2)
      .reply(200, { ...pullRequestObject({ headSha: HEAD }), state: 'closed' });
    openAIBatchWaiting();
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/batches/batch_review_1/cancel')
      .reply(200, { id: 'batch_review_1', object: 'batch', status: 'cancelling' });
    openAIBatchEnded(submitted, {
      status: 'cancelled',
      output: true,
      answer: modelAnswer(),
      usage: { inputTokens: 12_000, cachedTokens: 0, outputTokens: 900, reasoningTokens: 0 },
    });

    await deliver('delivery-closed-batch', HEAD, ['review:later']);
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(sent.reviews).toEqual([]);
    expect(sent.checkRunUpdates[0]).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Pull request closed during the review' },
    });
    const rows = await app.ledger.list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'superseded',
      batch: true,
      inputTokens: 12_000,
      outputTokens: 900,
      error: 'pull request closed while the batch waited',
    });
    expect(rows[0]?.costUsd).toBeGreaterThan(0);
    expect(await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });
});

describe('a batch API that refuses the batch', () => {
  it('reviews now, and the reason says why', async () => {
    const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    mockPolicyFile(POLICY);
    mockPull(HEAD, ['review:later'], { pull: 2, files: 1 });
    mockChecks(sent);
    mockReview(sent);
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/files')
      .reply(400, {
        error: { message: 'batch API not enabled for this project', type: 'invalid_request_error' },
      })
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    await deliver('delivery-refused', HEAD, ['review:later']);
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(sent.checkRuns[0]?.output.title).toBe('Reviewing on the fast tier');
    expect(String(sent.reviews[0]?.body)).toContain('the batch API refused it');
    const rows = await app.ledger.list();
    expect(rows.map((row) => [row.outcome, row.batch])).toEqual([['posted', false]]);
    expect(await app.ledger.listWaitingBatches({ repo: 'acme/api', pr: 7 })).toEqual([]);
  });
});
