import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../domain/log.js';
import { serveWorkerHttp, type WorkerHttpServer } from './serve-worker-http.js';

const servers: WorkerHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

const start = async () => {
  const server = await serveWorkerHttp({
    host: '127.0.0.1',
    port: 0,
    log: silentLog,
    handlers: [
      (req, res) => {
        if (req.url !== '/metrics') return Promise.resolve(false);
        res.end('review_router_queue_depth 0\n');
        return Promise.resolve(true);
      },
    ],
  });
  servers.push(server);
  return (path: string, init?: RequestInit) =>
    fetch(`http://127.0.0.1:${server.port}${path}`, init);
};

describe('serveWorkerHttp', () => {
  it('answers /ping with PONG and hands /metrics to its handler', async () => {
    const get = await start();
    const ping = await get('/ping');
    expect([ping.status, await ping.text()]).toEqual([200, 'PONG']);
    expect(await (await get('/metrics')).text()).toBe('review_router_queue_depth 0\n');
  });

  it.each(['/api/github/webhooks', '/reports', '/reports/costs', '/probot', '/'])(
    'serves no %s: a worker takes no webhook and serves no report or setup page',
    async (path) => {
      const get = await start();
      const response = await get(path, path.includes('webhooks') ? { method: 'POST' } : {});
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('serves only /ping and /metrics');
    },
  );

  it('refuses a port that is taken with a message naming PORT', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(
        serveWorkerHttp({ host: '127.0.0.1', port, log: silentLog, handlers: [] }),
      ).rejects.toThrow(/^PORT: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)\. To resolve/);
    } finally {
      taken.close();
    }
  });
});
