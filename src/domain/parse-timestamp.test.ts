import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parse-timestamp.js';

const iso = (value: string): string | null => parseTimestamp(value)?.toISOString() ?? null;

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11', '2026-11-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    [' 2026-12-31 ', '2026-12-31T00:00:00.000Z'],
    ['2026-11-03T10:00:00Z', '2026-11-03T10:00:00.000Z'],
    ['2026-11-03T10:00Z', '2026-11-03T10:00:00.000Z'],
    ['2026-11-03 10:00:30', '2026-11-03T10:00:30.000Z'],
    ['2026-11-03T10:00:00.25Z', '2026-11-03T10:00:00.250Z'],
    ['2026-11-03T10:00:00+02:00', '2026-11-03T08:00:00.000Z'],
    ['2026-11-03T01:00:00-0530', '2026-11-03T06:30:00.000Z'],
  ])('reads %j as %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    ['a day November does not have', '2026-11-31'],
    ['February 30th', '2026-02-30'],
    ['February 29th of a common year', '2026-02-29'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-11-00'],
    ['hour 24', '2026-11-03T24:00:00Z'],
    ['minute 60', '2026-11-03T10:60:00Z'],
    ['a zone past 23 hours', '2026-11-03T10:00:00+24:00'],
    ['a bare number', '1'],
    ['a year alone', '2026'],
    ['words', 'yesterday-ish'],
    ['a US date', '11/01/2026'],
    ['nothing', ''],
  ])('refuses %s (%j)', (_what, value) => {
    expect(parseTimestamp(value)).toBeNull();
  });
});
