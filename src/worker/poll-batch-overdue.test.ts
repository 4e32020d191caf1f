import { describe, expect, it } from 'vitest';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import type { PendingBatch } from '../ledger/pending-batch-types.js';
import { reviewJob } from '../queue/test-review-job.js';
import { pollJob } from './batch-types.js';
import { pollBatchReview } from './poll-batch-review.js';

const HEAD = 'a'.repeat(40);
const SUBMITTED_AT = '2026-11-01T10:00:00.000Z';

/** Every method resolves; `calls` names what was called, with its first argument. */
const recorder = (answers: Record<string, unknown>, calls: [string, unknown][]) =>
  new Proxy(
    {},
    {
      // Not a thenable: awaiting it must give the object itself.
      get: (_target, name: string) =>
        name === 'then'
          ? undefined
          : (first: unknown) => {
              calls.push([name, first]);
              return Promise.resolve(answers[name]);
            },
    },
  );

const pollAfter = async (hours: number, answer: unknown) => {
  const pending = {
    id: 'pb-1',
    repo: 'acme/api',
    pr: 7,
    headSha: HEAD,
    tier: 'fast',
    provider: 'openai',
    model: 'gpt-5.3-codex',
    effort: 'low',
    batchId: 'batch_1',
    state: 'submitted',
    reservationId: 'r1',
    checkId: 5,
    polls: 40,
    job: { deliveryId: 'd1', installationId: 1, trigger: 'synchronize', receivedAt: SUBMITTED_AT },
    reason: 'x',
    budgetNote: null,
    maxInputTokens: 1000,
    at: SUBMITTED_AT,
  } as unknown as PendingBatch;
  const ledgerCalls: [string, unknown][] = [];
  const scheduled: unknown[] = [];
  const reviewedNow: ReviewJob[] = [];
  const deps = {
    log: silentLog,
    now: () => new Date(Date.parse(SUBMITTED_AT) + hours * 3_600_000),
    prices: { version: 'test' },
    github: () =>
      Promise.resolve(
        recorder(
          { getPullRequest: { state: 'open', headSha: HEAD, draft: false, labels: [] } },
          [],
        ),
      ),
    ledger: recorder({ getPendingBatch: pending, updatePendingBatch: true }, ledgerCalls),
    batches: {
      providers: { openai: { id: 'openai', check: () => Promise.resolve(answer) } },
      schedule: (job: unknown) => {
        scheduled.push(job);
        return Promise.resolve();
      },
      pollDelayMs: () => 1_800_000,
    },
  };
  await pollBatchReview(pollJob(reviewJob(7, HEAD, 'd1'), 'pb-1', 41), deps as never, {
    reviewNow: (job) => {
      reviewedNow.push(job);
      return Promise.resolve();
    },
    signal: new AbortController().signal,
  });
  return { scheduled, reviewedNow, ledgerCalls };
};

const UNREACHABLE = { ok: false, error: { retryable: true, message: 'Connection error' } };
const RUNNING = { ok: true, value: { state: 'waiting', status: 'in_progress' } };

describe('a batch still waiting past its reservation', () => {
  it.each([
    ['its provider cannot be reached', UNREACHABLE],
    ['its provider says it still runs', RUNNING],
  ])('is ended as expired when %s, and the review runs without batch', async (_case, answer) => {
    const { scheduled, reviewedNow, ledgerCalls } = await pollAfter(27, answer);
    expect(scheduled).toEqual([]);
    expect(reviewedNow.map((job) => job.deliveryId)).toEqual(['d1']);
    expect(ledgerCalls).toContainEqual(['updatePendingBatch', 'pb-1']);
  });

  it('is polled again within its reservation', async () => {
    const { scheduled, reviewedNow } = await pollAfter(20, RUNNING);
    expect(scheduled).toHaveLength(1);
    expect(reviewedNow).toEqual([]);
  });
});
