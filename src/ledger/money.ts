/**
 * The ledger stores dollars as integer nano-dollars (finer than the micro-dollar the reports
 * need, and what pricing rounds to), so sums in SQL are exact. The port speaks USD numbers.
 */
const NANOS_PER_USD = 1_000_000_000;
const NANOS_PER_USD_BIG = 1_000_000_000n;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** Dollars → whole nano-dollars; refuses what is not a finite amount. */
export const toNanos = (usd: number, what: string): number => {
  if (!Number.isFinite(usd)) throw new RangeError(`${what} must be a finite amount, got ${usd}`);
  return Math.round(usd * NANOS_PER_USD);
};

/**
 * Nano-dollars as a driver returns them (a number, a bigint, or Postgres' numeric/int8 text) →
 * dollars, split into whole dollars and the rest so that large sums keep their precision.
 */
export const fromNanos = (nanos: number | bigint | string): number => {
  if (typeof nanos === 'number') return nanos / NANOS_PER_USD;
  const whole = BigInt(nanos);
  // One correctly rounded division while the count is exact as a number.
  if (whole <= MAX_EXACT && whole >= -MAX_EXACT) return Number(whole) / NANOS_PER_USD;
  return Number(whole / NANOS_PER_USD_BIG) + Number(whole % NANOS_PER_USD_BIG) / NANOS_PER_USD;
};
