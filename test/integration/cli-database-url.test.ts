import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureCliIo } from '../../src/cli/test-cli-io.js';
import { openPostgresLedger } from '../../src/ledger/postgres-ledger.js';

const run = async (argv: readonly string[], variables: Record<string, string>) => {
  const { io, out, err } = captureCliIo();
  const code = await runCli(argv, io, variables);
  return { code, out, err: err.join('\n') };
};

describe('costs and findings with a DATABASE_URL they cannot use', () => {
  it.each([['costs'], ['findings']])(
    '%s names DATABASE_URL, the host and what to check, never the password',
    async (command) => {
      const { code, err } = await run([command], {
        DATABASE_URL: 'postgres://reviewer:s3cret-pw@127.0.0.1:1/ledger',
      });
      expect(code).toBe(2);
      expect(err).toContain('DATABASE_URL: cannot use Postgres at 127.0.0.1:1/ledger');
      expect(err).toContain('To resolve, check that Postgres is running');
      expect(err).not.toContain('s3cret-pw');
    },
  );

  it('refuses a URL that is not Postgres before connecting', async () => {
    const { code, err } = await run(['costs'], { DATABASE_URL: 'mysql://x@127.0.0.1/ledger' });
    expect(code).toBe(2);
    expect(err).toContain('DATABASE_URL is not a Postgres URL');
  });
});

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

describe.skipIf(!url)(
  'costs on a Postgres database the app has not set up (set DATABASE_URL to run)',
  () => {
    const schema = `rr_cli_empty_${process.pid}_${Date.now()}`;
    const inSchema = () => {
      const target = new URL(url!);
      target.searchParams.set('options', `-c search_path=${schema}`);
      return target.toString();
    };
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: url! });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    beforeAll(() => admin(`CREATE SCHEMA "${schema}"`));
    afterAll(() => admin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

    it('says the ledger is not there yet, then reads it once the app has made it', async () => {
      const before = await run(['costs', '--format', 'json'], { DATABASE_URL: inSchema() });
      expect(before.code).toBe(2);
      expect(before.err).toContain('has no review_attempts table. The ledger is not there');
      expect(before.err).toContain('the app creates it the first time it starts');

      const ledger = openPostgresLedger({ connectionString: url!, schema });
      await ledger.migrate();
      await ledger.close();
      const after = await run(['costs', '--format', 'json'], { DATABASE_URL: inSchema() });
      expect(after.err).toBe('');
      expect(after.code).toBe(0);
      expect(JSON.parse(after.out.join('\n'))).toEqual([]);
    });
  },
);
