/**
 * The body of the report thread (started by open-sqlite-report-reader): the report queries on a
 * read-only connection of its own. node:sqlite answers on the thread that calls it, so a report
 * over a million rows runs here while the app's event loop keeps taking webhooks.
 *
 * Everything it imports uses only erasable TypeScript, so Node runs it from source (types
 * stripped) as well as from the build.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { createReportQueries } from '../report-queries.js';
import type { ReportRequest, ReportResponse, ReportThreadData } from './report-thread-types.js';
import { createSqliteExecutor } from './sqlite-executor.js';

const { file, busyTimeoutMs } = workerData as ReportThreadData;
const db = new DatabaseSync(file, { readOnly: true, timeout: 0 });
const executor = createSqliteExecutor({ db, busyTimeoutMs });
// This thread may block as long as a query takes: totals are summed in one pass, not in chunks
// that give an event loop its turn.
const queries = createReportQueries({
  ...executor,
  dialect: { ...executor.dialect, chunkRows: null },
});

const answer = async (request: ReportRequest): Promise<ReportResponse> => {
  try {
    const value =
      request.method === 'summarize'
        ? await queries.summarize(request.filter)
        : request.method === 'groupFindings'
          ? await queries.groupFindings(request.filter, request.groupBy)
          : await queries.mostExpensive(request.filter, request.limit);
    return { id: request.id, ok: true, value };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
};

parentPort?.on('message', (request: ReportRequest | 'close') => {
  if (request === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  void answer(request).then((response) => parentPort?.postMessage(response));
});
