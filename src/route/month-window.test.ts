import { describe, expect, it } from 'vitest';
import { monthWindow } from './month-window.js';

describe('monthWindow', () => {
  it.each([
    ['mid-month', '2026-11-21T10:00:00.000Z', '2026-11-01', '2026-12-01'],
    ['the first instant of a month', '2026-11-01T00:00:00.000Z', '2026-11-01', '2026-12-01'],
    ['the last instant of a year', '2026-12-31T23:59:59.999Z', '2026-12-01', '2027-01-01'],
  ])('spans the UTC calendar month of the moment given (%s)', (_case, at, from, to) => {
    expect(monthWindow(new Date(at))).toEqual({
      from: `${from}T00:00:00.000Z`,
      to: `${to}T00:00:00.000Z`,
    });
  });
});
