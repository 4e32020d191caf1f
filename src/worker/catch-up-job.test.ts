import { describe, expect, it } from 'vitest';
import { reviewJob } from '../queue/test-review-job.js';
import { catchUpJob } from './catch-up-job.js';

const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('catchUpJob', () => {
  it("is the stale job's pull request at the current head, under a delivery id of its own", () => {
    const stale = {
      ...reviewJob(7, 'a'.repeat(40), 'd-1'),
      trigger: 'labeled' as const,
      forcedTier: 'deep' as const,
    };
    expect(catchUpJob(stale, B)).toEqual({
      ...stale,
      deliveryId: `d-1:head-${B}`,
      headSha: B,
    });
  });

  it('appends one head: a catch-up job that is itself stale replaces it', () => {
    const first = catchUpJob(reviewJob(7, 'a'.repeat(40), 'd-1'), B);
    expect(catchUpJob(first, C).deliveryId).toBe(`d-1:head-${C}`);
  });

  it('leaves out a command and a batch poll: the current head gets a plain review', () => {
    const job = {
      ...reviewJob(7, 'a'.repeat(40), 'd-2'),
      command: { name: 'review' as const, commentId: 1, author: 'octocat' },
      batchPoll: { pendingId: 'p-1', poll: 3 },
    };
    const next = catchUpJob(job, B);
    expect(next.command).toBeUndefined();
    expect(next.batchPoll).toBeUndefined();
  });

  it('leaves out the label a stale unlabeled job took off: the current head is reviewed', () => {
    const job = {
      ...reviewJob(7, 'a'.repeat(40), 'd-3'),
      trigger: 'unlabeled' as const,
      label: 'bug',
    };
    expect(catchUpJob(job, B).label).toBeUndefined();
  });
});
