/**
 * The dates a person gives a report (`--since 2026-11-01`, `?until=2026-11-03T10:00:00Z`): ISO 8601
 * with the calendar checked. JavaScript's own `Date` parsing takes `2026-11-31` for December 1st,
 * `2026-02-30` for March 2nd and `1` for the year 2001, so a typo would quietly move a report's
 * range instead of being refused.
 */

/** What a refused date is told: the forms `parseTimestamp` reads. */
export const DATE_EXPECTED =
  'expected a date such as 2026-11-01 (a day of the calendar), a month such as 2026-11, or an ISO 8601 time such as 2026-11-01T09:30:00Z';

const FORMAT =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/i;

const part = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

/** Minutes east of UTC for `Z`, `+02:00`, `-0530`; 0 when there is no zone (times are UTC). */
const offsetMinutes = (zone: string | undefined): number | null => {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
};

/**
 * `YYYY-MM` (the month's first day), `YYYY-MM-DD` (midnight), or a date and time with optional
 * seconds, fraction and zone (UTC without one: the ledger's months and days are UTC). Null for
 * anything else, and for a day or time the calendar does not have.
 */
export const parseTimestamp = (value: string): Date | null => {
  const match = FORMAT.exec(value.trim());
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const fields = {
    year: part(year),
    month: part(month),
    day: day === undefined ? 1 : part(day),
    hour: part(hour),
    minute: part(minute),
    second: part(second),
  };
  const offset = offsetMinutes(zone);
  if (offset === null || fields.hour > 23 || fields.minute > 59 || fields.second > 59) return null;
  const utc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
  const date = new Date(utc);
  // Date.UTC rolls an impossible day over into the next month: the round trip finds it.
  if (
    date.getUTCFullYear() !== fields.year ||
    date.getUTCMonth() !== fields.month - 1 ||
    date.getUTCDate() !== fields.day
  ) {
    return null;
  }
  const milliseconds = fraction === undefined ? 0 : Math.floor(Number(fraction) * 1000);
  return new Date(utc + fields.second * 1000 + milliseconds - offset * 60_000);
};
