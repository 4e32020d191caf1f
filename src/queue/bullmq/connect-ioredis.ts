/**
 * How the BullMQ queue reaches Redis. BullMQ talks to Redis through a driver it does not ship:
 * ioredis is its optional peer, and in an ES module BullMQ cannot load it itself, so we build
 * the client and hand it over. ioredis is loaded only when REDIS_URL is set, so a deployment on
 * the embedded queue never needs it.
 */
import type { ConnectionOptions } from 'bullmq';
import { ConfigError, errorMessage } from '../../domain/errors.js';

export interface RedisConnection {
  /** What BullMQ's `connection` option takes. */
  readonly connection: ConnectionOptions;
  close(): Promise<void>;
}

/** Builds a Redis client for a URL; replace it to use another driver BullMQ supports. */
export type ConnectRedis = (url: string) => Promise<RedisConnection>;

interface IORedisClient {
  connect(): Promise<void>;
  duplicate(): IORedisClient;
  quit(): Promise<unknown>;
  disconnect(): void;
}
type IORedisConstructor = new (
  url: string,
  options: { maxRetriesPerRequest: null; lazyConnect: boolean },
) => IORedisClient;

const QUIT_TIMEOUT_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

// A variable, not a literal: TypeScript then does not need ioredis installed to build the app.
const IOREDIS = 'ioredis';

const constructorOf = (module: unknown): IORedisConstructor | null => {
  if (typeof module !== 'object' || module === null) return null;
  const { Redis, default: fallback } = module as { Redis?: unknown; default?: unknown };
  const candidate = Redis ?? fallback;
  return typeof candidate === 'function' ? (candidate as IORedisConstructor) : null;
};

/** The URL with any password replaced, for messages and logs. */
export const redactRedisUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
};

export const connectIORedis: ConnectRedis = async (url) => {
  let module: unknown;
  try {
    module = await import(IOREDIS);
  } catch (error) {
    throw new ConfigError(
      `REDIS_URL is set, but the ioredis package that BullMQ needs to reach Redis is not installed (${errorMessage(error)}). To resolve, run \`npm install ioredis\`, or unset REDIS_URL to use the embedded queue.`,
      { variable: 'REDIS_URL' },
    );
  }
  const Redis = constructorOf(module);
  if (!Redis)
    throw new ConfigError(
      'the installed ioredis package exports no Redis client. To resolve, install ioredis 5 or later.',
      { variable: 'REDIS_URL' },
    );
  const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  return {
    connection: client,
    async close() {
      // QUIT waits for a connection that may never come back; after a bound, just drop it.
      const quit = client.quit().then(
        () => true,
        () => false,
      );
      if (!(await Promise.race([quit, sleep(QUIT_TIMEOUT_MS).then(() => false)])))
        client.disconnect();
    },
  };
};
