import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it.each([
    [500, '0.5 s'],
    [1_000, '1 s'],
    [45_000, '45 s'],
    [59_940, '59.9 s'],
    [60_000, '1 min'],
    [90_000, '1.5 min'],
    [20 * 60_000, '20 min'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
