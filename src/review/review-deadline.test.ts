import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadlinePassedOn, ReviewDeadlinePassed } from '../domain/review-deadline-passed.js';
import {
  callTimeoutMs,
  DEADLINE_BACKSTOP_MS,
  describeDeadline,
  NO_DEADLINE,
  startReviewDeadline,
} from './review-deadline.js';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startReviewDeadline', () => {
  it('aborts its signal with ReviewDeadlinePassed when the time is up, not before', () => {
    const deadline = startReviewDeadline({ totalMs: 20 * 60_000 });

    vi.advanceTimersByTime(20 * 60_000 - 1);
    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.passed()).toBe(false);

    vi.advanceTimersByTime(1);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBeInstanceOf(ReviewDeadlinePassed);
    expect(deadlinePassedOn(deadline.signal)?.totalMs).toBe(20 * 60_000);
    expect(deadline.passed()).toBe(true);
  });

  it('counts the time left down to zero, never below', () => {
    const deadline = startReviewDeadline({ totalMs: 10_000 });

    vi.advanceTimersByTime(4_000);
    expect(deadline.remainingMs()).toBe(6_000);
    vi.advanceTimersByTime(60_000);
    expect(deadline.remainingMs()).toBe(0);
  });

  it("has passed once the worker's clock says so, even before its timer fires", () => {
    let now = 1_000_000;
    const deadline = startReviewDeadline({ totalMs: 30_000, now: () => now });

    expect(deadline.at).toBe(1_030_000);
    now += 30_000;

    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.passed()).toBe(true);
  });

  it('never aborts once cleared, and keeps no timer pending', () => {
    const deadline = startReviewDeadline({ totalMs: 5_000 });

    deadline.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);

    expect(deadline.signal.aborted).toBe(false);
  });
});

describe('callTimeoutMs', () => {
  it('keeps the model timeout while the deadline is further away', () => {
    const deadline = startReviewDeadline({ totalMs: 20 * 60_000 });

    expect(callTimeoutMs(deadline, 10 * 60_000)).toBe(10 * 60_000);
  });

  it('ends a call shortly after the deadline when the deadline comes first, so the abort says why', () => {
    const deadline = startReviewDeadline({ totalMs: 20 * 60_000 });
    vi.advanceTimersByTime(15 * 60_000);

    expect(callTimeoutMs(deadline, 10 * 60_000)).toBe(5 * 60_000 + DEADLINE_BACKSTOP_MS);
  });

  it('keeps the model timeout without a deadline', () => {
    expect(callTimeoutMs(NO_DEADLINE, 10 * 60_000)).toBe(10 * 60_000);
    expect(NO_DEADLINE.passed()).toBe(false);
  });
});

describe('describeDeadline', () => {
  it.each([
    [500, "the review's total deadline (0.5 s)"],
    [20 * 60_000, "the review's total deadline (20 min)"],
  ])('names a %d ms deadline as people set it', (totalMs, text) => {
    const deadline = startReviewDeadline({ totalMs });

    expect(describeDeadline(deadline)).toBe(text);
  });
});
