import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createProviderFetch,
  providerFetchTimeouts,
  type ProviderFetch,
  type ProviderFetchTimeouts,
} from './provider-fetch.js';

/**
 * How long the server below keeps a request waiting: for its headers, or for its body's end. Well
 * above SHORT_MS: undici checks these timeouts on a coarse clock that may fire up to about a
 * second late.
 */
const SLOW_MS = 3_000;
/** A timeout the wait passes. */
const SHORT_MS = 500;
/** A timeout the wait stays within. */
const LONG_MS = 6_000;

/**
 * `/slow-headers` answers after SLOW_MS; `/slow-body` sends its headers and a first chunk at once,
 * the rest after SLOW_MS.
 */
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow-headers') {
      setTimeout(() => res.end('answer'), SLOW_MS);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first half, ');
    setTimeout(() => res.end('second half'), SLOW_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let transport: ProviderFetch | null = null;

const fetchWith = (timeouts: ProviderFetchTimeouts, path: string) => {
  transport = createProviderFetch(timeouts);
  // As the SDKs call it, with their fetchOptions spread into the init. The global RequestInit
  // declares the dispatcher of @types/node's older undici-types, hence the cast.
  const init = { ...transport.fetchOptions } as unknown as RequestInit;
  return transport.fetch(`${origin}${path}`, init);
};

/** The undici error code behind a failed fetch or body read ("fetch failed", "terminated"). */
const causeCode = (error: unknown): unknown =>
  (error as { cause?: { code?: unknown } }).cause?.code;

afterEach(async () => {
  await transport?.fetchOptions.dispatcher.destroy();
  transport = null;
});

describe('createProviderFetch', () => {
  it('gives up on a response whose headers take longer than headersTimeoutMs', async () => {
    const failure = await fetchWith(
      { headersTimeoutMs: SHORT_MS, bodyTimeoutMs: LONG_MS },
      '/slow-headers',
    ).catch((error: unknown) => error);

    expect(causeCode(failure)).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('waits for headers as long as headersTimeoutMs allows', async () => {
    const response = await fetchWith(
      { headersTimeoutMs: LONG_MS, bodyTimeoutMs: LONG_MS },
      '/slow-headers',
    );

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('answer');
  });

  it('gives up on a body that pauses longer than bodyTimeoutMs', async () => {
    const response = await fetchWith(
      { headersTimeoutMs: LONG_MS, bodyTimeoutMs: SHORT_MS },
      '/slow-body',
    );
    const failure = await response.text().catch((error: unknown) => error);

    expect(causeCode(failure)).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('waits between body chunks as long as bodyTimeoutMs allows', async () => {
    const response = await fetchWith(
      { headersTimeoutMs: LONG_MS, bodyTimeoutMs: LONG_MS },
      '/slow-body',
    );

    expect(await response.text()).toBe('first half, second half');
  });
});

describe('providerFetchTimeouts', () => {
  it('keeps both transport timeouts above the model timeout, so the SDK timeout ends a call', () => {
    const tenMinutes = 10 * 60_000;

    expect(providerFetchTimeouts(tenMinutes)).toEqual({
      headersTimeoutMs: tenMinutes + 60_000,
      bodyTimeoutMs: tenMinutes + 60_000,
    });
  });
});
