/**
 * A review's cost split evenly over the findings it posted, in whole nano-dollars, the remainder
 * one nano-dollar each to the first findings, so the shares add up to the review's cost exactly.
 * Each posted finding cost the same model call; weighting by severity or length would claim a
 * precision the provider's bill does not have.
 */
const NANOS_PER_USD = 1_000_000_000;

export const splitCost = (totalUsd: number, findings: number): number[] => {
  if (findings <= 0) return [];
  const nanos = Math.max(0, Math.round(totalUsd * NANOS_PER_USD));
  const share = Math.floor(nanos / findings);
  const remainder = nanos - share * findings;
  return Array.from(
    { length: findings },
    (_, index) => (share + (index < remainder ? 1 : 0)) / NANOS_PER_USD,
  );
};
