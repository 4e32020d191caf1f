import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { LedgerFilter, LedgerStore } from '../ledger/types.js';
import { summarizeCosts } from './summarize-costs.js';

export interface ReportHandlerOptions {
  readonly ledger: LedgerStore;
  /** Unset: every report route answers 404. */
  readonly token: string | undefined;
}

const send = (res: ServerResponse, status: number, body: unknown): true => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
  return true;
};

const authorized = (req: IncomingMessage, token: string): boolean => {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const filterFrom = (url: URL): LedgerFilter => {
  const pick = (name: string) => url.searchParams.get(name) ?? undefined;
  const since = pick('since');
  const until = pick('until');
  const repo = pick('repo');
  return { ...(since ? { since } : {}), ...(until ? { until } : {}), ...(repo ? { repo } : {}) };
};

/** `GET /reports/costs` behind `Authorization: Bearer $REPORT_TOKEN` (DESIGN.md section 2). */
export const createReportHandler =
  (options: ReportHandlerOptions) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/reports/costs' && !url.pathname.startsWith('/reports')) return false;
    if (options.token === undefined) return send(res, 404, { error: 'not found' });
    if (!authorized(req, options.token)) {
      res.setHeader('www-authenticate', 'Bearer');
      return send(res, 401, {
        error: 'missing or wrong bearer token: send Authorization: Bearer $REPORT_TOKEN',
      });
    }
    if (url.pathname !== '/reports/costs') return send(res, 404, { error: 'not found' });
    if (req.method !== 'GET') return send(res, 405, { error: 'use GET' });
    const rows = await options.ledger.list(filterFrom(url));
    return send(res, 200, summarizeCosts(rows));
  };
