/**
 * A worker process's HTTP server: `GET /ping` for health checks and the handlers it is given
 * (`/metrics`); everything else, the webhook route and the report routes included, is 404. A
 * worker takes no webhook, so it needs no Probot server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Log } from '../domain/log.js';
import { describeListenError } from './check-port.js';

/** Answers a request it owns and returns true; returns false for a path it does not serve. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface WorkerHttpOptions {
  readonly host: string;
  readonly port: number;
  readonly handlers: readonly HttpHandler[];
  readonly log: Log;
}

export interface WorkerHttpServer {
  /** The port it listens on (the one asked for, or the one the system chose for port 0). */
  readonly port: number;
  /** Stops taking requests and closes idle connections. */
  stop(): Promise<void>;
}

const sendText = (res: ServerResponse, status: number, body: string): void => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
};

export const serveWorkerHttp = async (options: WorkerHttpOptions): Promise<WorkerHttpServer> => {
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/ping') return sendText(res, 200, 'PONG');
    for (const handler of options.handlers) if (await handler(req, res)) return;
    sendText(res, 404, 'not found: a worker process serves only /ping and /metrics\n');
  };
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      options.log.error({ err: error }, 'worker HTTP request failed');
      if (!res.headersSent) sendText(res, 500, 'internal error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(describeListenError(error, options.host, options.port)),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  options.log.info({ host: options.host, port }, 'worker listening for /ping and /metrics');
  return {
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
};
