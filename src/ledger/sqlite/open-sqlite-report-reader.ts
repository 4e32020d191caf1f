/**
 * The report routes' reader for the embedded ledger: a worker thread with its own read-only
 * connection (report-thread.ts). node:sqlite is synchronous, so a summary over a million rows
 * run on the app's thread would hold every webhook behind it; in the thread it holds nothing.
 * The thread starts with the reader; one that dies fails the requests it held, and the next
 * request starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { LedgerRow } from '../../domain/ledger-entry.js';
import { threadModule } from '../../domain/thread-module.js';
import type { ReportReader } from '../report-queries.js';
import type { FindingGroup, LedgerSummary } from '../types.js';
import type { ReportRequest, ReportResponse, ReportThreadData } from './report-thread-types.js';

export interface OpenSqliteReportReaderOptions {
  /** The ledger file; the app has created and migrated it. */
  readonly file: string;
  /** How long a read waits for a lock another connection holds (default 5 s). */
  readonly busyTimeoutMs?: number;
}

type Pending = (response: ReportResponse) => void;

export const openSqliteReportReader = (options: OpenSqliteReportReaderOptions): ReportReader => {
  const workerData: ReportThreadData = {
    file: options.file,
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
  };
  const { url, execArgv } = threadModule('report-thread', import.meta.url);
  let nextId = 0;
  let thread: { readonly worker: Worker; readonly pending: Map<number, Pending> } | undefined;

  const start = (): NonNullable<typeof thread> => {
    const worker = new Worker(url, { workerData, ...(execArgv ? { execArgv } : {}) });
    const pending = new Map<number, Pending>();
    const current = { worker, pending };
    /** Fails what this thread held; a later request starts a new thread. */
    const fail = (message: string): void => {
      if (thread === current) thread = undefined;
      for (const [id, settle] of pending) settle({ id, ok: false, message });
      pending.clear();
    };
    worker.unref();
    worker.on('message', (response: ReportResponse) => {
      pending.get(response.id)?.(response);
      pending.delete(response.id);
    });
    worker.on('error', (error: Error) => fail(`the report thread failed: ${error.message}`));
    worker.on('exit', (code) => fail(`the report thread exited (${code})`));
    return current;
  };

  const ask = <T>(request: ReportRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      thread ??= start();
      thread.pending.set(request.id, (response) =>
        response.ok ? resolve(response.value as T) : reject(new Error(response.message)),
      );
      thread.worker.postMessage(request);
    });

  // Started now, so the first report does not wait for the thread to load.
  thread = start();
  return {
    summarize: (filter) => ask<LedgerSummary>({ id: nextId++, method: 'summarize', filter }),
    mostExpensive: (filter, limit) =>
      ask<LedgerRow[]>({ id: nextId++, method: 'mostExpensive', filter, limit }),
    groupFindings: (filter, groupBy) =>
      ask<FindingGroup[]>({ id: nextId++, method: 'groupFindings', filter, groupBy }),
    async close() {
      const current = thread;
      thread = undefined;
      if (current === undefined) return;
      const { worker } = current;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    },
  };
};
