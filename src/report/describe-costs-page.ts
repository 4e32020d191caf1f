/**
 * The line under `costs`' table: how many of the matching attempts it shows, and the totals of
 * all of them (added up by the database), so a page of the newest rows never hides the sum.
 */
import { formatDollars } from './format-costs.js';
import { formatCount } from '../domain/format-count.js';
import type { CostTotals } from './types.js';

export const describeCostsPage = (shown: number, totals: CostTotals): string => {
  const sums = `${formatDollars(totals.costUsd)} spent, ${formatDollars(totals.deepCostUsd)} all on deep, ${formatDollars(totals.savedUsd)} saved`;
  const attempts = totals.reviews === 1 ? 'attempt' : 'attempts';
  if (shown >= totals.reviews)
    return `total of ${formatCount(totals.reviews)} ${attempts}: ${sums}`;
  return `newest ${formatCount(shown)} of ${formatCount(totals.reviews)} ${attempts} shown (--limit N shows more; --format csv or json lists them all); total: ${sums}`;
};
