import { describe, expect, it } from 'vitest';
import { exponentialBackoff, JOB_RETRY_BACKOFF } from './exponential-backoff.js';

describe('exponentialBackoff', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [10, 60_000],
  ])(
    'waits twice as long after each failed attempt, capped: attempt %i waits %i ms',
    (attempt, ms) => {
      expect(exponentialBackoff({ jitter: 0 })(attempt)).toBe(ms);
    },
  );

  it('spreads delays by the jitter fraction either way', () => {
    expect(exponentialBackoff({ jitter: 0.2, random: () => 0 })(1)).toBe(800);
    expect(exponentialBackoff({ jitter: 0.2, random: () => 1 })(1)).toBe(1_200);
  });

  it("waits 10 s, then 20 s, before a review job's next attempts: a database restart passes", () => {
    expect(JOB_RETRY_BACKOFF(1)).toBeGreaterThanOrEqual(8_000);
    expect(JOB_RETRY_BACKOFF(1)).toBeLessThanOrEqual(12_000);
    expect(JOB_RETRY_BACKOFF(2)).toBeGreaterThanOrEqual(16_000);
  });
});
