import { describe, expect, it } from 'vitest';
import { fromNanos, toNanos } from './money.js';

describe('toNanos', () => {
  it.each([
    [0.123456789, 123_456_789],
    [0.1 + 0.2, 300_000_000],
    [0.0000000014, 1],
    [12.5, 12_500_000_000],
    [0, 0],
  ])('stores %d dollars as %i whole nano-dollars', (usd, nanos) => {
    expect(toNanos(usd, 'costUsd')).toBe(nanos);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d instead of storing it', (usd) => {
    expect(() => toNanos(usd, 'costUsd')).toThrow('costUsd must be a finite amount');
  });
});

describe('fromNanos', () => {
  it.each<[number | bigint | string, number]>([
    [123_456_789, 0.123456789],
    ['300000007', 0.300000007],
    [7_000_000_000n, 7],
    ['-26211000', -0.026211],
  ])('reads %s nano-dollars as %d dollars', (nanos, usd) => {
    expect(fromNanos(nanos)).toBe(usd);
  });

  it('reads a sum past 2^53 nano-dollars to the cent', () => {
    expect(fromNanos('90000000010000000')).toBe(90_000_000.01);
    expect(fromNanos(90_000_000_010_000_000n)).toBe(90_000_000.01);
  });
});
