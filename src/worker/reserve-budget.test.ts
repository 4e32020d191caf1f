import { describe, expect, it } from 'vitest';
import type { Policy } from '../domain/policy.js';
import type { LedgerStore, ReserveRequest } from '../ledger/types.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { claimLeaseMs } from './claim-lease.js';
import { reservationTtlMs, reserveBudget } from './reserve-budget.js';
import { DEFAULT_LIMITS, type ReviewLimits } from './types.js';

const MINUTE = 60_000;
const NOW = new Date('2026-11-21T10:00:00.000Z');

describe('reservationTtlMs', () => {
  it.each([
    ['the defaults: six 10 min calls', DEFAULT_LIMITS, 60],
    [
      'a 2 h deadline: the claim lease, so the hold outlives the review',
      { ...DEFAULT_LIMITS, reviewDeadlineMs: 120 * MINUTE },
      130,
    ],
    ['a 3 h CLAIM_LEASE_MS: the lease', { ...DEFAULT_LIMITS, claimLeaseMs: 180 * MINUTE }, 180],
  ])('holds a reservation at least as long as the claim lease (%s)', (_case, limits, minutes) => {
    expect(reservationTtlMs(limits)).toBe(minutes * MINUTE);
    expect(reservationTtlMs(limits)).toBeGreaterThanOrEqual(claimLeaseMs(limits));
  });
});

describe('reserveBudget', () => {
  it('lets the reservation expire only after the review deadline and the claim lease', async () => {
    const requests: ReserveRequest[] = [];
    const ledger = {
      reserve: (request: ReserveRequest) => {
        requests.push(request);
        return Promise.resolve({ reserved: true as const, id: 'r-1' });
      },
    } as unknown as LedgerStore;
    const limits: ReviewLimits = { ...DEFAULT_LIMITS, reviewDeadlineMs: 120 * MINUTE };
    const policy: Policy = {
      ...DEFAULT_POLICY,
      budget: { ...DEFAULT_POLICY.budget, monthly_usd: 10 },
    };
    await reserveBudget({ repo: 'acme/api', policy }, 0.5, { ledger, limits, now: () => NOW });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.expiresAt).toBe(new Date(NOW.getTime() + 130 * MINUTE).toISOString());
  });
});
