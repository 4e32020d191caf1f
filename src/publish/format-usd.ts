/** Dollars for people: cents when large, more digits when a review costs a fraction of a cent. */
export const formatUsd = (usd: number): string => {
  if (usd === 0) return '$0.00';
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  if (Math.abs(usd) >= 0.01) return `$${usd.toFixed(3)}`;
  return `$${usd.toFixed(4)}`;
};
