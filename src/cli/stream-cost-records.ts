/**
 * Every attempt (or the newest `limit`), newest first, as JSON or CSV, read a page at a time and
 * written in batches through `write`, which resolves once the reader has taken a batch.
 */
import type { LedgerFilter, LedgerStore } from '../ledger/types.js';
import { COST_RECORD_COLUMNS } from '../report/cost-record-columns.js';
import { toCostRecord } from '../report/to-cost-record.js';
import { writeCsv } from '../report/write-csv.js';
import { writeJsonArray } from '../report/write-json-array.js';

/** Rows read from the ledger per query. */
const PAGE_SIZE = 1_000;

export interface StreamCostRecordsOptions {
  readonly ledger: LedgerStore;
  readonly filter: LedgerFilter;
  readonly limit: number | undefined;
  readonly format: 'json' | 'csv';
  readonly write: (text: string) => Promise<void>;
}

export const streamCostRecords = async (options: StreamCostRecordsOptions): Promise<void> => {
  const { ledger, filter, limit, write } = options;
  const rows = ledger.stream(
    { ...filter, ...(limit === undefined ? {} : { limit }) },
    { pageSize: PAGE_SIZE },
  );
  // CSV picks its columns from the row by name; JSON needs each record's fields in order.
  if (options.format === 'csv') {
    await writeCsv(rows, COST_RECORD_COLUMNS, write);
    return;
  }
  const records = (async function* () {
    for await (const row of rows) yield toCostRecord(row);
  })();
  await writeJsonArray(records, write);
};
