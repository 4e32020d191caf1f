import { describe, expect, it } from 'vitest';
import type { ReviewJob } from '../domain/review-job.js';
import type { PendingBatch, PendingBatchState } from '../ledger/pending-batch-types.js';
import { reviewJob } from '../queue/test-review-job.js';
import { BATCH_RESERVATION_TTL_MS, pollJob } from './batch-types.js';
import { rearmBatchPoll } from './rearm-batch-poll.js';
import type { WorkerDeps } from './types.js';

const SUBMITTED_AT = '2026-11-21T10:00:00.000Z';
const HEAD = 'a'.repeat(40);

const pending = (state: PendingBatchState): PendingBatch =>
  ({ id: 'pb-1', state, at: SUBMITTED_AT, headSha: HEAD }) as PendingBatch;

/** Worker deps that know one pending batch, `afterMs` after its submission; records schedules. */
const depsWith = (batch: PendingBatch | null, afterMs: number) => {
  const scheduled: Array<{ job: ReviewJob; delayMs: number }> = [];
  const deps = {
    ledger: { getPendingBatch: () => Promise.resolve(batch) },
    now: () => new Date(Date.parse(SUBMITTED_AT) + afterMs),
    batches: {
      providers: {},
      schedule: (job: ReviewJob, delayMs: number) => {
        scheduled.push({ job, delayMs });
        return Promise.resolve();
      },
      pollDelayMs: (poll: number) => poll * 1_000,
    },
  } as unknown as WorkerDeps;
  return { deps, scheduled };
};

const poll3 = pollJob(reviewJob(7, HEAD, 'delivery-1'), 'pb-1', 3);

describe('rearmBatchPoll', () => {
  it('queues the next poll of a batch still waiting, with its longer delay, under the same head', async () => {
    const { deps, scheduled } = depsWith(pending('submitted'), 60_000);
    expect(await rearmBatchPoll(poll3, deps)).toBe(true);
    expect(scheduled).toEqual([
      {
        job: {
          ...poll3,
          deliveryId: `pb-1:batch-poll-4:head-${HEAD}`,
          batchPoll: { pendingId: 'pb-1', poll: 4 },
        },
        delayMs: 4_000,
      },
    ]);
  });

  it.each<[string, PendingBatch | null, number]>([
    ['a batch past its window', pending('submitted'), BATCH_RESERVATION_TTL_MS + 1],
    ['a batch that ended', pending('done'), 60_000],
    ['a batch the ledger does not know', null, 60_000],
  ])('leaves %s to the dead letter', async (_case, batch, afterMs) => {
    const { deps, scheduled } = depsWith(batch, afterMs);
    expect(await rearmBatchPoll(poll3, deps)).toBe(false);
    expect(scheduled).toEqual([]);
  });

  it('leaves a job that is not a batch poll to the dead letter', async () => {
    const { deps, scheduled } = depsWith(pending('submitted'), 60_000);
    expect(await rearmBatchPoll(reviewJob(7, HEAD), deps)).toBe(false);
    expect(scheduled).toEqual([]);
  });
});
