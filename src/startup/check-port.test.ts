import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.js';
import { checkPortFree } from './check-port.js';

let taken: Server;
let takenPort: number;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const address = taken.address();
  takenPort = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe('checkPortFree', () => {
  it('names PORT when the port is taken', async () => {
    const check = checkPortFree('127.0.0.1', takenPort);
    await expect(check).rejects.toBeInstanceOf(ConfigError);
    await expect(checkPortFree('127.0.0.1', takenPort)).rejects.toThrow(
      `PORT: cannot listen on 127.0.0.1:${takenPort} (EADDRINUSE). To resolve, set PORT to a free port`,
    );
  });

  it('names HOST when the address is not one of this machine', async () => {
    // 192.0.2.1 is TEST-NET-1: documentation only, never a local address.
    await expect(checkPortFree('192.0.2.1', takenPort)).rejects.toThrow(
      /^HOST: cannot listen on 192\.0\.2\.1:\d+ \(EADDRNOTAVAIL\): it is not an address of this machine\. To resolve/,
    );
  });

  it('leaves a free port free for the server that follows', async () => {
    const listen = async (port: number): Promise<Server> => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      return server;
    };
    const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
    const first = await listen(0);
    const address = first.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await close(first);

    await expect(checkPortFree('127.0.0.1', port)).resolves.toBeUndefined();
    await close(await listen(port));
  });
});
