/**
 * The report queries over any CostRows, in this process: the summary from the database's own
 * `summarize`, the most expensive reviews kept while the rows stream past (never more than a
 * page and the `limit` best in memory). For a ledger without a reader of its own (tests, a
 * decorated store); the app gives the report routes a reader that asks the database directly.
 */
import type { LedgerRow } from '../domain/ledger-entry.js';
import type { ReportQueries } from '../ledger/report-queries.js';
import type { CostRows, FindingFeedback } from '../ledger/types.js';
import { mostExpensiveReviews } from './most-expensive-reviews.js';

const PAGE = 1_000;

export const reportQueriesFromRows = (
  rows: Pick<CostRows, 'summarize' | 'stream'> & Pick<FindingFeedback, 'groupFindings'>,
): ReportQueries => ({
  summarize: (filter) => rows.summarize(filter),
  groupFindings: (filter, groupBy) => rows.groupFindings(filter, groupBy),
  async mostExpensive(filter, limit) {
    let top: LedgerRow[] = [];
    let page: LedgerRow[] = [];
    for await (const row of rows.stream(filter, { pageSize: PAGE })) {
      page.push(row);
      if (page.length < PAGE) continue;
      top = mostExpensiveReviews([...top, ...page], limit);
      page = [];
    }
    return mostExpensiveReviews([...top, ...page], limit);
  },
});
