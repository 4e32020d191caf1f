import { describe, expect, it } from 'vitest';
import { claimLeaseMs } from './claim-lease.js';
import { DEFAULT_LIMITS } from './types.js';

const MINUTE = 60_000;

describe('claimLeaseMs', () => {
  it.each([
    ['the defaults: 10 min calls, a 20 min deadline', 10, 20, 30],
    ['a deadline longer than three calls: the deadline plus one call', 10, 60, 70],
    ['a short deadline: still three model timeouts', 10, 5, 30],
    ['short calls under a long deadline', 1, 45, 46],
  ])('outlasts the review deadline by default (%s)', (_case, model, deadline, lease) => {
    const limits = {
      ...DEFAULT_LIMITS,
      modelTimeoutMs: model * MINUTE,
      reviewDeadlineMs: deadline * MINUTE,
    };

    expect(claimLeaseMs(limits)).toBe(lease * MINUTE);
    expect(claimLeaseMs(limits)).toBeGreaterThan(limits.reviewDeadlineMs);
  });

  it('takes CLAIM_LEASE_MS as given', () => {
    expect(claimLeaseMs({ ...DEFAULT_LIMITS, claimLeaseMs: 45 * MINUTE })).toBe(45 * MINUTE);
  });
});
