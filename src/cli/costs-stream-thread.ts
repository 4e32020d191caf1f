/**
 * The body of the thread `costs --format json|csv` streams in (stream-in-thread.ts): it opens the
 * ledger, formats every row and hands each batch of text to the main thread, which prints it and
 * answers once stdout has taken it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openLedgerAt } from './ledger-location.js';
import { streamCostRecords } from './stream-cost-records.js';
import type { CostsStreamData } from './stream-in-thread.js';

const port = parentPort;
if (port === null) throw new Error('costs-stream-thread runs as a worker thread');
const { location, filter, limit, format } = workerData as CostsStreamData;

const write = (text: string): Promise<void> =>
  new Promise((resolve) => {
    port.once('message', () => resolve());
    port.postMessage(text);
  });

const ledger = openLedgerAt(location);
try {
  await streamCostRecords({ ledger, filter, limit, format, write });
} finally {
  await ledger.close();
}
