import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCostRows } from './create-cost-rows.js';
import { runMigrations } from './migrations/run-migrations.js';
import { sampleEntry } from './sample-entry.js';
import { sqliteDialect } from './sql/dialects.js';
import type { SqlExecutor } from './sql/types.js';
import { createSqliteExecutor } from './sqlite/sqlite-executor.js';

const root = mkdtempSync(join(tmpdir(), 'sum-groups-'));
const db = new DatabaseSync(join(root, 'ledger.db'));
const whole = createSqliteExecutor({ db, busyTimeoutMs: 1000 });
/** The same database, read in chunks of 7 rows. */
const chunked: SqlExecutor = { ...whole, dialect: { ...sqliteDialect, chunkRows: 7 } };

beforeAll(async () => {
  await runMigrations(whole);
  const rows = createCostRows(whole);
  for (let i = 0; i < 100; i += 1) {
    await rows.record(
      sampleEntry({
        deliveryId: `d-${i}`,
        repo: ['acme/api', 'acme/web'][i % 2]!,
        tier: (['fast', 'deep', 'skip'] as const)[i % 3]!,
        costUsd: 0.000000001 * (i + 1) + 0.1,
        // Runs of four attempts that started together: chunks must not split or repeat them.
        startedAt: new Date(Date.UTC(2026, 10, 30) + Math.floor(i / 4) * 3_600_000).toISOString(),
      }),
    );
  }
});
afterAll(() => {
  db.close();
  rmSync(root, { recursive: true, force: true });
});

describe('sumGroups on a database that runs on the event loop', () => {
  it.each([[['repo', 'month', 'tier']], [['month']], [[]]] as const)(
    'adds up the same totals by %j in chunks as in one query',
    async (keys) => {
      const filter = { since: '2026-11-30T05:00:00Z' };
      const inOneQuery = await createCostRows(whole).aggregate(filter, keys);
      expect(inOneQuery.length).toBeGreaterThan(0);
      expect(await createCostRows(chunked).aggregate(filter, keys)).toEqual(inOneQuery);
    },
  );

  it('summarizes the same in chunks as in one query', async () => {
    expect(await createCostRows(chunked).summarize()).toEqual(
      await createCostRows(whole).summarize(),
    );
  });

  it('lets the event loop run between chunks', async () => {
    let turns = 0;
    const tick = (): void => {
      turns += 1;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    await createCostRows(chunked).aggregate({}, ['repo']);
    done = true;
    // 100 rows in chunks of 7: the loop turned at least once per chunk.
    expect(turns).toBeGreaterThanOrEqual(14);
  });
});
