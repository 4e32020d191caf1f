/**
 * The ledger stores dollars as integer nano-dollars (finer than the micro-dollar the reports
 * need, and what pricing rounds to), so sums in SQL are exact. The port speaks USD numbers.
 */
const NANOS_PER_USD = 1_000_000_000;

/** Dollars → whole nano-dollars; refuses what is not a finite amount. */
export const toNanos = (usd: number, what: string): number => {
  if (!Number.isFinite(usd)) throw new RangeError(`${what} must be a finite amount, got ${usd}`);
  return Math.round(usd * NANOS_PER_USD);
};

/**
 * Nano-dollars as the database returns them (a number, or text for a sum that may pass 2^53) ->
 * dollars. Past 2^53 nano-dollars ($9 million) a dollar figure is a float either way.
 */
export const fromNanos = (nanos: number | bigint | string): number => Number(nanos) / NANOS_PER_USD;
