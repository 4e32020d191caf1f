/**
 * Runs `costs --format json|csv` in a worker thread with a small young generation. Formatting a
 * million rows makes garbage fast, and V8 answers that by growing the young generation of the
 * heap to about a hundred megabytes; in a thread whose young generation is capped, collection
 * comes sooner and the process stays well under 300 MB however many rows it prints.
 */
import { Worker } from 'node:worker_threads';
import { threadModule } from '../domain/thread-module.js';
import type { LedgerFilter } from '../ledger/types.js';
import type { LedgerLocation } from './ledger-location.js';

export interface CostsStreamData {
  readonly location: LedgerLocation;
  readonly filter: LedgerFilter;
  readonly limit: number | undefined;
  readonly format: 'json' | 'csv';
}

/** Young generation of the streaming thread: enough for a page of rows and its text. */
const YOUNG_GENERATION_MB = 8;

/** Prints each batch the thread formats with `write`, which resolves once stdout has taken it. */
export const streamInThread = (
  data: CostsStreamData,
  write: (text: string) => Promise<void>,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const { url, execArgv } = threadModule('costs-stream-thread', import.meta.url);
    const worker = new Worker(url, {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      ...(execArgv ? { execArgv } : {}),
    });
    let failed: Error | undefined;
    worker.on('message', (text: string) => {
      write(text).then(
        () => worker.postMessage('next'),
        (error: unknown) => {
          failed = error instanceof Error ? error : new Error(String(error));
          void worker.terminate();
        },
      );
    });
    worker.on('error', (error: Error) => {
      failed ??= error;
    });
    worker.on('exit', (code) => {
      if (failed !== undefined)
        reject(failed instanceof Error ? failed : new Error(String(failed)));
      else if (code !== 0) reject(new Error(`the costs thread exited with ${code}`));
      else resolve();
    });
  });
