import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresLedger } from './open-postgres-ledger.js';

/** A server that takes connections and never answers: a database that stalls. */
const silentServer = async (): Promise<{ server: Server; port: number; sockets: Socket[] }> => {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, sockets };
};

describe('a Postgres that stops answering', () => {
  let stalled: Awaited<ReturnType<typeof silentServer>> | null = null;
  afterEach(async () => {
    for (const socket of stalled?.sockets ?? []) socket.destroy();
    await new Promise((resolve) => stalled?.server.close(resolve) ?? resolve(undefined));
    stalled = null;
  });

  it('fails a connection that gets no answer, rather than wait for ever', async () => {
    stalled = await silentServer();
    const ledger = openPostgresLedger({
      connectionString: `postgres://postgres@127.0.0.1:${stalled.port}/test`,
      limits: { connectionTimeoutMillis: 200 },
    });
    try {
      await expect(ledger.list({ limit: 1 })).rejects.toThrow(/timeout/i);
    } finally {
      await ledger.close();
    }
  });
});
