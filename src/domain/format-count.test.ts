import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count.js';

describe('formatCount', () => {
  it.each([0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 123_456_789, -1, -1_234, -999_999])(
    'writes %d as toLocaleString does',
    (count) => {
      expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
    },
  );

  it('groups every whole number as toLocaleString does', () => {
    for (let count = -2_000; count <= 2_000_000; count += 997) {
      expect(formatCount(count)).toBe(count.toLocaleString('en-US'));
    }
    expect(formatCount(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
  });

  it('leaves fractions to toLocaleString', () => {
    expect(formatCount(1234.5678)).toBe('1,234.568');
  });
});
