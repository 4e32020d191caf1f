import pg from 'pg';
import { ConfigError } from '../domain/errors.js';

/** `postgres://user:secret@db:5432/reviews` -> `db:5432/reviews`: never the password. */
export const describeDatabaseUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the host in DATABASE_URL';
  }
};

const hintFor = (code: string | undefined): string => {
  switch (code) {
    case '28P01':
    case '28000':
      return 'check the user and password in DATABASE_URL';
    case '3D000':
      return 'create the database, or name an existing one in DATABASE_URL';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'check the host name in DATABASE_URL';
    default:
      return 'check that Postgres is running and accepts connections at that host and port from here (firewall, listen_addresses, pg_hba.conf), and that the user, password and database in DATABASE_URL are right';
  }
};

const requireTable = async (
  client: pg.Client,
  url: string,
  table: { readonly name: string; readonly missing: string },
): Promise<void> => {
  const found = await client.query<{ table: string | null }>(
    'SELECT to_regclass($1)::text AS "table"',
    [table.name],
  );
  if (found.rows[0]?.table != null) return;
  throw new ConfigError(
    `DATABASE_URL: Postgres at ${describeDatabaseUrl(url)} has no ${table.name} table. ${table.missing}`,
    { variable: 'DATABASE_URL' },
  );
};

/**
 * Connects once before anything else starts, so that an unreachable or refused DATABASE_URL
 * stops the process within seconds with the host and what to check, never the password. With
 * `table`, that table must exist too (a command that reads the ledger the app writes).
 */
export const checkPostgres = async (
  url: string,
  timeoutMs = 5_000,
  table?: { readonly name: string; readonly missing: string },
  /** True where the embedded database is no choice (ROLE=web or worker): not offered as a fix. */
  required = false,
): Promise<void> => {
  const orEmbedded = required ? '' : '; or unset DATABASE_URL to use the embedded database under DATA_DIR';
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(
      'DATABASE_URL is not a Postgres URL. To resolve, set it to postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset it to use the embedded database under DATA_DIR.',
      { variable: 'DATABASE_URL' },
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    if (table === undefined) await client.query('SELECT 1');
    else await requireTable(client, url, table);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as { code?: string }).code;
    const reason = (error as Error).message || code || 'no answer';
    throw new ConfigError(
      `DATABASE_URL: cannot use Postgres at ${describeDatabaseUrl(url)} (${reason}). To resolve, ${hintFor(code)}${orEmbedded}.`,
      { variable: 'DATABASE_URL' },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
};
