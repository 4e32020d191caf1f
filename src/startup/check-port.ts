/**
 * Whether the web server can listen where it is told, checked before Probot starts it: Probot
 * throws its own listen error from an event handler, where no caller can catch it, so a port in use
 * would end the process with a stack trace instead of what to change.
 */
import { createServer } from 'node:net';
import { ConfigError } from '../domain/errors.js';

/** A listen error the operator fixes with PORT or HOST, said so; any other error as it came. */
export const describeListenError = (
  error: NodeJS.ErrnoException,
  host: string | undefined,
  port: number,
): Error => {
  const where = `${host ?? 'every address'}:${port}`;
  if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
    return new ConfigError(
      `PORT: cannot listen on ${where} (${error.code}). To resolve, set PORT to a free port (and HOST to an address of this machine).`,
      { variable: 'PORT' },
    );
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new ConfigError(
      `HOST: cannot listen on ${where} (${error.code}): it is not an address of this machine. To resolve, set HOST to one of its addresses (0.0.0.0 for all), or unset it.`,
      { variable: 'HOST' },
    );
  }
  return error;
};

/** Listens on `host:port` (every address without a host) and closes at once, or throws why not. */
export const checkPortFree = (host: string | undefined, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(describeListenError(error, host, port)),
    );
    probe.listen({ port, ...(host === undefined ? {} : { host }) }, () => {
      probe.close(() => resolve());
    });
  });
