/**
 * The ledger's SQL on a `pg` Pool. Statements are written with `?` placeholders, numbered here;
 * a transaction's lock is an advisory lock on its name within the ledger's schema.
 */
import pg from 'pg';
import { postgresDialect } from '../sql/dialects.js';
import type { SqlExecutor, SqlRow, SqlValue } from '../sql/types.js';

/** `?` → `$1`, `$2`, …: the ledger's SQL has no `?` other than its placeholders. */
const numbered = (sql: string): string => {
  let position = 0;
  return sql.replace(/\?/g, () => `$${(position += 1)}`);
};

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const readTimestamp = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date;
const readOther = (oid: number): ((text: string) => unknown) =>
  pg.types.getTypeParser(oid, 'text') as (text: string) => unknown;

/**
 * Read as SQLite gives them: int8 as a number while it is exact (text past that, which the
 * ledger's schemas refuse rather than round), timestamptz as UTC ISO text.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number) => {
    if (oid === INT8) {
      return (text: string) => (Number.isSafeInteger(Number(text)) ? Number(text) : text);
    }
    if (oid === TIMESTAMPTZ) return (text: string) => readTimestamp(text).toISOString();
    return readOther(oid);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresExecutorOptions {
  readonly pool: pg.Pool;
  /** Part of every lock name, so ledgers in different schemas never wait for each other. */
  readonly schema: string | undefined;
}

export const createPostgresExecutor = ({ pool, schema }: PostgresExecutorOptions): SqlExecutor => {
  const over = (db: Queryable, inTransaction: boolean): SqlExecutor => ({
    dialect: postgresDialect,
    query: async (sql, params: readonly SqlValue[] = []) =>
      (await db.query<SqlRow>({ text: numbered(sql), values: [...params], types })).rows,
    run: async (sql, params: readonly SqlValue[] = []) =>
      (await db.query({ text: numbered(sql), values: [...params], types })).rowCount ?? 0,
    exec: async (sql) => {
      await db.query(sql);
    },
    transaction: async (lock, work) => {
      if (inTransaction) return work(over(db, true));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          ['review-router', lock[0], schema ?? '', ...lock.slice(1)].join(':'),
        ]);
        const result = await work(over(client, true));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (!pool.ended && !pool.ending) await pool.end();
    },
  });
  return over(pool, false);
};
