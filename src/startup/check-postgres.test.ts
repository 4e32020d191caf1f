import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkPostgres, describeDatabaseUrl } from './check-postgres.js';

const closedPort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

describe('checkPostgres', () => {
  it('names the host and what to check when nothing listens there, and never the password', async () => {
    const port = await closedPort();
    const attempt = checkPostgres(`postgres://app:hunter2@127.0.0.1:${port}/reviews`);
    await expect(attempt).rejects.toThrow(
      new RegExp(
        `^DATABASE_URL: cannot use Postgres at 127\\.0\\.0\\.1:${port}/reviews \\(.*ECONNREFUSED.*\\)\\. To resolve, check that Postgres is running`,
      ),
    );
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it('offers the embedded database as a fix only where it is one: not to a web or worker replica', async () => {
    const port = await closedPort();
    const url = `postgres://app@127.0.0.1:${port}/reviews`;
    await expect(checkPostgres(url)).rejects.toThrow(/or unset DATABASE_URL to use the embedded/);
    const replica = checkPostgres(url, undefined, undefined, true);
    await expect(replica).rejects.toThrow(/To resolve, check that Postgres is running/);
    await expect(replica).rejects.not.toThrow(/embedded/);
  });

  it('gives up on a host that does not answer within the timeout', async () => {
    // A listening socket that never speaks the Postgres protocol.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      await expect(checkPostgres(`postgres://127.0.0.1:${port}/x`, 300)).rejects.toThrow(
        /^DATABASE_URL: cannot use Postgres at 127\.0\.0\.1:\d+\/x \(.*timeout.*\)/i,
      );
    } finally {
      silent.close();
    }
  });

  it('refuses a URL that is not a Postgres one', async () => {
    await expect(checkPostgres('mysql://db/x')).rejects.toThrow(
      /^DATABASE_URL is not a Postgres URL/,
    );
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'connects to the Postgres of DATABASE_URL (skipped without it)',
    async () => {
      await expect(checkPostgres(process.env.DATABASE_URL ?? '')).resolves.toBeUndefined();
    },
  );

  it.skipIf(!process.env.DATABASE_URL)('names a database that does not exist', async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = '/no_such_database_rr';
    await expect(checkPostgres(url.toString())).rejects.toThrow(/To resolve, create the database/);
  });
});

describe('describeDatabaseUrl', () => {
  it.each([
    ['postgres://u:p@db.internal:6432/ledger', 'db.internal:6432/ledger'],
    ['postgresql://db/ledger', 'db:5432/ledger'],
  ])('describes %s as %s', (url, described) => {
    expect(describeDatabaseUrl(url)).toBe(described);
  });
});
