/**
 * The report and budget queries reach review_attempts through an index, never a full scan, on
 * both databases: each statement the ledger runs is captured and explained.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLedgerStore } from './create-ledger-store.js';
import { createReportQueries } from './report-queries.js';
import { runMigrations } from './migrations/run-migrations.js';
import { createPostgresExecutor } from './postgres/postgres-executor.js';
import { sampleEntry } from './sample-entry.js';
import type { SqlExecutor, SqlValue } from './sql/types.js';
import { createSqliteExecutor } from './sqlite/sqlite-executor.js';
import type { LedgerStore } from './types.js';

interface Statement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** The executor, with every query on review_attempts written down. */
const capturing = (db: SqlExecutor, seen: Statement[]): SqlExecutor => ({
  ...db,
  query: (sql, params = []) => {
    if (sql.includes('FROM review_attempts')) seen.push({ sql, params });
    return db.query(sql, params);
  },
});

const drain = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
};

/** Each case: what the ledger is asked, and the index its statements must use. */
const CASES: [string, (store: LedgerStore) => Promise<unknown>, RegExp][] = [
  [
    'a page of rows for one repository',
    (store) => drain(store.stream({ repo: 'acme/api' }, { pageSize: 1 })),
    // The name in any case: the index on lower(repo).
    /review_attempts_lower_repo\b/,
  ],
  [
    'a page of rows since a date',
    (store) => drain(store.stream({ since: '2026-11-01' }, { pageSize: 1 })),
    /review_attempts_started_at_id/,
  ],
  [
    'totals by repository and month since a date',
    (store) => store.aggregate({ since: '2026-11-01', until: '2026-12-01' }, ['repo', 'month']),
    // The sums read the covering index; SQLite's chunk boundaries read (started_at, id).
    /review_attempts_(costs|started_at_id)/,
  ],
  [
    'the summary of one repository',
    (store) => store.summarize({ repo: 'acme/api', since: '2026-11-01' }),
    // Either index on lower(repo); which one depends on the table's statistics.
    /review_attempts_lower_repo(_pr)?\b/,
  ],
  [
    "a repository's spend this month",
    (store) => store.spend('acme/api', '2026-11-01', '2026-12-01'),
    // Postgres may answer it from the covering index alone.
    /review_attempts_(repo_started_at_id|costs)/,
  ],
  [
    "an organisation's spend this month",
    (store) =>
      store.committed({
        scope: 'org',
        repo: 'acme/api',
        from: '2026-11-01',
        to: '2026-12-01',
        at: '2026-11-21T00:00:00Z',
      }),
    /review_attempts_owner_started_at/,
  ],
  [
    "one pull request's rows",
    (store) => store.list({ repo: 'acme/api', pr: 42 }),
    // Either index on lower(repo) serves it; which one depends on the table's statistics.
    /review_attempts_lower_repo(_pr)?\b/,
  ],
];

const explainEach = async (
  db: SqlExecutor,
  explain: (statement: Statement) => Promise<string>,
): Promise<void> => {
  const store = createLedgerStore({ db, migrate: () => runMigrations(db) });
  await store.migrate();
  for (let i = 0; i < 3; i += 1) await store.record(sampleEntry({ deliveryId: `d-${i}` }));
  for (const [what, ask, index] of CASES) {
    const seen: Statement[] = [];
    await ask(createLedgerStore({ db: capturing(db, seen), migrate: () => Promise.resolve() }));
    expect(seen.length, what).toBeGreaterThan(0);
    for (const statement of seen) expect(await explain(statement), what).toMatch(index);
  }
};

describe('query plans on SQLite', () => {
  const root = mkdtempSync(join(tmpdir(), 'query-plans-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads review_attempts through the index each filter needs', async () => {
    const db = new DatabaseSync(join(root, 'ledger.db'));
    await explainEach(createSqliteExecutor({ db, busyTimeoutMs: 1000 }), ({ sql, params }) => {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => String(row.detail))
        .join('\n');
      expect(plan).not.toMatch(/SCAN review_attempts(?! USING)/);
      return Promise.resolve(plan);
    });
    db.close();
  });
});

describe('report thread plans on SQLite', () => {
  const root = mkdtempSync(join(tmpdir(), 'report-plans-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("adds up the whole ledger along an index in each grouping's order, and sorts no row", async () => {
    const db = new DatabaseSync(join(root, 'ledger.db'));
    const executor = createSqliteExecutor({ db, busyTimeoutMs: 1000 });
    await runMigrations(executor);
    const store = createLedgerStore({ db: executor, migrate: () => Promise.resolve() });
    for (let i = 0; i < 3; i += 1) await store.record(sampleEntry({ deliveryId: `d-${i}` }));
    const seen: Statement[] = [];
    // As the report thread reads: each total in one query, not in chunks.
    const reports = createReportQueries(
      capturing({ ...executor, dialect: { ...executor.dialect, chunkRows: null } }, seen),
    );
    const summary = await reports.summarize({});
    expect(summary.reviews).toBe(3);
    expect(await reports.mostExpensive({}, 10)).toHaveLength(3);
    const plans = seen.map(({ sql, params }) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => String(row.detail))
        .join('\n'),
    );
    expect(plans).toHaveLength(3);
    expect(plans[0]).toMatch(/COVERING INDEX review_attempts_by_repo_provider/);
    expect(plans[1]).toMatch(/COVERING INDEX review_attempts_by_day_tier/);
    expect(plans[2]).toMatch(/INDEX review_attempts_by_cost/);
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

describe.skipIf(!url)('query plans on Postgres (set DATABASE_URL to run)', () => {
  const schema = `rr_plans_${process.pid}_${Date.now()}`;
  const connectionString = url ?? '';
  afterAll(async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('reads review_attempts through the index each filter needs', async () => {
    // One connection, so that turning sequential scans off holds for every statement explained.
    const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}`, max: 1 });
    await pool.query(`CREATE SCHEMA "${schema}"`);
    // A tiny table is cheapest to scan whole: with scans priced out, the plan shows whether an
    // index can serve the filter at all.
    await pool.query('SET enable_seqscan = off');
    const db = createPostgresExecutor({ pool, schema });
    await explainEach(db, async ({ sql, params }) => {
      const rows = await db.query(`EXPLAIN ${sql}`, params);
      const plan = rows.map((row) => String(row['QUERY PLAN'])).join('\n');
      expect(plan).not.toMatch(/Seq Scan on review_attempts/);
      return plan;
    });
    await pool.end();
  });
});
