import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteExecutor } from './sqlite-executor.js';

const root = mkdtempSync(join(tmpdir(), 'sqlite-executor-'));
let files = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Two handles on one fresh file, as two stores of one process would have. */
const twoHandles = (busyTimeoutMs = 2_000) => {
  const file = join(root, `db-${(files += 1)}.sqlite`);
  const first = new DatabaseSync(file, { timeout: 0 });
  first.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (v TEXT NOT NULL)');
  const second = new DatabaseSync(file, { timeout: 0 });
  return {
    a: createSqliteExecutor({ db: first, busyTimeoutMs }),
    b: createSqliteExecutor({ db: second, busyTimeoutMs }),
    close: () => {
      first.close();
      second.close();
    },
  };
};

describe('createSqliteExecutor', () => {
  it("waits for another handle's transaction without holding the event loop", async () => {
    const { a, b, close } = twoHandles();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    const held = a.transaction(['test'], async (tx) => {
      await tx.run("INSERT INTO t (v) VALUES ('a')");
      await sleep(100);
    });
    await sleep(10);
    await b.run("INSERT INTO t (v) VALUES ('b')");
    clearInterval(ticker);
    await held;
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect((await b.query('SELECT v FROM t ORDER BY rowid')).map((row) => row.v)).toEqual([
      'a',
      'b',
    ]);
    close();
  });

  it('gives up with the lock error once the busy timeout has passed', async () => {
    const { a, b, close } = twoHandles(50);
    const held = a.transaction(['test'], () => sleep(300));
    await sleep(10);
    await expect(b.run("INSERT INTO t (v) VALUES ('b')")).rejects.toThrow(/database is locked/);
    await held;
    close();
  });

  it('runs work that arrives during its own transaction after the transaction, not inside it', async () => {
    const { a, close } = twoHandles();
    const failing = a.transaction(['test'], async (tx) => {
      await tx.run("INSERT INTO t (v) VALUES ('rolled back')");
      await sleep(20);
      throw new Error('the transaction fails');
    });
    const outside = a.run("INSERT INTO t (v) VALUES ('kept')");
    await expect(failing).rejects.toThrow('the transaction fails');
    await outside;
    expect((await a.query('SELECT v FROM t')).map((row) => row.v)).toEqual(['kept']);
    close();
  });
});
