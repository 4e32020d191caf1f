/**
 * Writes CSV one batch of records at a time: the header first, even with no record, then the
 * records' `columns` in order. Memory stays at one batch however many records stream past.
 */
import { stringify } from 'csv-stringify/sync';

const BATCH = 100;

const toCsv = (records: unknown[][]): string =>
  stringify(records, { cast: { boolean: (value) => String(value) } }).replace(/\n$/, '');

/**
 * `out` receives text without a trailing newline, as the CLI's writer expects; a promise it returns
 * (the reader has taken the text) is awaited before the next batch. Returns the count.
 */
export const writeCsv = async (
  records: AsyncIterable<object>,
  columns: readonly string[],
  out: (text: string) => void | Promise<void>,
): Promise<number> => {
  await out(toCsv([[...columns]]));
  let count = 0;
  let batch: unknown[][] = [];
  for await (const record of records) {
    const values = record as Record<string, unknown>;
    batch.push(columns.map((column) => values[column]));
    count += 1;
    if (batch.length < BATCH) continue;
    await out(toCsv(batch));
    batch = [];
  }
  if (batch.length > 0) await out(toCsv(batch));
  return count;
};
