/**
 * The ledger's SQL on node:sqlite. The driver is synchronous, so this executor never waits for a
 * lock on the event loop: a statement that finds the database locked (another handle's
 * transaction) is tried again after a timer, for up to `busyTimeoutMs`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { LRUCache } from 'lru-cache';
import { sqliteDialect } from '../sql/dialects.js';
import type { SqlExecutor, SqlRow, SqlValue } from '../sql/types.js';

const SQLITE_BUSY = 5;
const FIRST_RETRY_MS = 1;
const LONGEST_RETRY_MS = 50;
/** Prepared statements kept per connection: the ledger has a few dozen distinct ones. */
const CACHED_STATEMENTS = 100;

const isBusy = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'errcode' in error &&
  error.errcode === SQLITE_BUSY;

export interface SqliteExecutorOptions {
  readonly db: DatabaseSync;
  readonly busyTimeoutMs: number;
}

export const createSqliteExecutor = ({ db, busyTimeoutMs }: SqliteExecutorOptions): SqlExecutor => {
  /** Runs `step` now, or again after a growing pause while another handle holds the lock. */
  const whenFree = async <T>(step: () => T): Promise<T> => {
    const deadline = Date.now() + busyTimeoutMs;
    for (let pause = FIRST_RETRY_MS; ; pause = Math.min(pause * 2, LONGEST_RETRY_MS)) {
      try {
        return step();
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      }
      await sleep(pause);
    }
  };

  // One connection: work queued behind an open transaction must not run inside it.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work);
    tail = next.catch(() => undefined);
    return next;
  };

  // Preparing each time would leave a native statement per call for the GC to find: a stream
  // of a million rows would hold hundreds of megabytes outside the heap.
  const statements = new LRUCache<string, StatementSync>({ max: CACHED_STATEMENTS });
  const prepare = (sql: string): StatementSync => {
    const cached = statements.get(sql);
    if (cached !== undefined) return cached;
    const statement = db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };
  const bind = (params: readonly SqlValue[]): SQLInputValue[] => [...params];
  const direct = (inTransaction: boolean): SqlExecutor => {
    const guard = <T>(step: () => T): Promise<T> =>
      inTransaction ? Promise.resolve().then(step) : exclusive(() => whenFree(step));
    return {
      dialect: sqliteDialect,
      query: (sql, params = []) => guard(() => prepare(sql).all(...bind(params)) as SqlRow[]),
      run: (sql, params = []) => guard(() => Number(prepare(sql).run(...bind(params)).changes)),
      exec: (sql) => guard(() => db.exec(sql)),
      transaction: (_lock, work) => {
        if (inTransaction) return work(direct(true));
        return exclusive(async () => {
          await whenFree(() => db.exec('BEGIN IMMEDIATE'));
          try {
            const result = await work(direct(true));
            db.exec('COMMIT');
            return result;
          } catch (error) {
            db.exec('ROLLBACK');
            throw error;
          }
        });
      },
      close: () =>
        exclusive(() => {
          if (db.isOpen) db.close();
          return Promise.resolve();
        }),
    };
  };
  return direct(false);
};
