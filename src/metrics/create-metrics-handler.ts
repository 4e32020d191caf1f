/**
 * `GET /metrics` for Probot's `addHandler`: the Prometheus text format behind
 * `Authorization: Bearer <token>` (METRICS_TOKEN, else REPORT_TOKEN); 404 while neither is set.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasBearerToken } from '../report/has-bearer-token.js';
import type { Metrics } from './types.js';

export interface MetricsHandlerOptions {
  readonly metrics: Metrics;
  /** Unset: `/metrics` answers 404. */
  readonly token: string | undefined;
}

const sendText = (res: ServerResponse, status: number, body: string): true => {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(body);
  return true;
};

export const createMetricsHandler =
  (options: MetricsHandlerOptions) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== '/metrics') return false;
    if (options.token === undefined) return sendText(res, 404, 'not found\n');
    if (!hasBearerToken(req, options.token)) {
      res.setHeader('www-authenticate', 'Bearer');
      return sendText(
        res,
        401,
        'missing or wrong bearer token: send Authorization: Bearer $METRICS_TOKEN (or $REPORT_TOKEN when METRICS_TOKEN is unset)\n',
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendText(res, 405, 'use GET\n');
    }
    const body = await options.metrics.registry.metrics();
    res.writeHead(200, {
      'content-type': options.metrics.registry.contentType,
      'cache-control': 'no-store',
    });
    res.end(body);
    return true;
  };
