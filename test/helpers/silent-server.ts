/**
 * A real HTTP server on 127.0.0.1 that reads each request and never answers: a provider that hangs.
 * nock cannot stand in for it (under fetch, `.delay()` ignores an abort and reply functions hang),
 * so tests of timeouts point an SDK client at this, with `nock.enableNetConnect('127.0.0.1')`.
 */
import { createServer, type Server } from 'node:http';

export interface SilentServer {
  /** `http://127.0.0.1:<port>`: add the provider's path (`/v1` for OpenAI). */
  readonly origin: string;
  /** The requests it received, in order: path, and when the whole body had arrived. */
  readonly requests: Array<{ readonly path: string; readonly at: number }>;
  close(): Promise<void>;
}

export const startSilentServer = async (): Promise<SilentServer> => {
  const requests: Array<{ path: string; at: number }> = [];
  const server: Server = createServer((req) => {
    req.resume();
    req.on('end', () => requests.push({ path: req.url ?? '', at: Date.now() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Its requests never end on their own: drop their sockets, or close() waits forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
