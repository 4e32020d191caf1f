/**
 * Dollars for people: "$1,250.00" from a dollar up; below it three significant digits, at least two
 * decimals ("$0.40", "$0.0222", "$0.004", "$0.000000002"), because a fast review often costs a
 * fraction of a cent.
 */
export const formatUsd = (usd: number): string => {
  const sign = usd < 0 ? '-' : '';
  const magnitude = Math.abs(usd);
  if (magnitude === 0) return '$0.00';
  if (magnitude >= 1) {
    return `${sign}$${magnitude.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  // Three significant digits as plain decimals: toPrecision alone writes 2e-9 as "2.00e-9".
  const rounded = Number(magnitude.toPrecision(3));
  const places = Math.max(2, 2 - Math.floor(Math.log10(rounded)));
  const [whole = '0', decimals = ''] = rounded.toFixed(places).split('.');
  const trimmed = decimals.replace(/0+$/, '').padEnd(2, '0');
  return `${sign}$${whole}.${trimmed}`;
};
