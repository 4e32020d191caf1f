/** "$1,250.00", "$0.40"; amounts under a cent keep their first significant digits ("$0.004"). */
export const formatUsd = (amount: number): string => {
  if (amount > 0 && amount < 0.01) return `$${Number(amount.toPrecision(2)).toString()}`;
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
};
