/**
 * One ledger, three readers: a SQL query on the table, the `costs` CLI and the report route must
 * agree on the totals, on SQLite and, when DATABASE_URL is set, on Postgres.
 */
import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { LedgerEntry } from '../../src/domain/ledger-entry.js';
import { openPostgresLedger } from '../../src/ledger/postgres-ledger.js';
import { openPostgresReportReader } from '../../src/ledger/postgres/open-postgres-report-reader.js';
import type { ReportReader } from '../../src/ledger/report-queries.js';
import { sampleEntry } from '../../src/ledger/sample-entry.js';
import { openSqliteLedger } from '../../src/ledger/sqlite-ledger.js';
import { openSqliteReportReader } from '../../src/ledger/sqlite/open-sqlite-report-reader.js';
import type { LedgerStore } from '../../src/ledger/types.js';
import { createReportHandler } from '../../src/report/create-report-handler.js';
import { startTestHttpServer } from '../../src/report/test-http-server.js';
import { captureCliIo } from '../../src/cli/test-cli-io.js';

const TOKEN = 'report-token-for-tests';

/** Awkward amounts on purpose: float sums of these drift unless the code sums exactly. */
const entries = (): LedgerEntry[] =>
  Array.from({ length: 40 }, (_, i) =>
    sampleEntry({
      deliveryId: `d-${i}`,
      repo: ['acme/api', 'acme/web', 'other/lib'][i % 3]!,
      pr: 100 + i,
      tier: (['fast', 'deep', 'skip'] as const)[i % 3]!,
      outcome: i % 3 === 2 ? 'skipped' : 'posted',
      costUsd: i % 3 === 2 ? 0 : Number((0.000137 * (i + 1) + (i % 3 === 1 ? 0.1 : 0)).toFixed(9)),
      deepCostUsd: Number((0.0731 + 0.0011 * i).toFixed(9)),
      startedAt: new Date(Date.UTC(2026, 10, 1 + (i % 20), 9, i)).toISOString(),
      finishedAt: new Date(Date.UTC(2026, 10, 1 + (i % 20), 9, i, 30)).toISOString(),
    }),
  );

const readersAgree = async (options: {
  ledger: LedgerStore;
  /** The app's reader for the report routes (a thread on SQLite, a pool of its own on Postgres). */
  reports: ReportReader;
  sql: () => Promise<{ cost: number; deep: number; reviews: number }>;
  env: NodeJS.ProcessEnv;
}) => {
  for (const entry of entries()) await options.ledger.record(entry);
  const sql = await options.sql();

  const { io, out } = captureCliIo();
  expect(await runCli(['costs', '--group-by', 'repo', '--format', 'json'], io, options.env)).toBe(
    0,
  );
  const groups = JSON.parse(out.join('\n')) as Array<{
    reviews: number;
    costUsd: number;
    deepCostUsd: number;
  }>;
  const cli = groups.reduce(
    (sum, g) => ({
      cost: sum.cost + g.costUsd,
      deep: sum.deep + g.deepCostUsd,
      reviews: sum.reviews + g.reviews,
    }),
    { cost: 0, deep: 0, reviews: 0 },
  );

  const server = await startTestHttpServer(
    createReportHandler({ reports: options.reports, token: TOKEN }),
  );
  try {
    const response = await fetch(`${server.origin}/reports/costs`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const report = (await response.json()) as {
      totalCostUsd: number;
      totalDeepCostUsd: number;
      reviews: number;
    };
    expect(report.reviews).toBe(sql.reviews);
    expect(report.totalCostUsd).toBeCloseTo(sql.cost, 9);
    expect(report.totalDeepCostUsd).toBeCloseTo(sql.deep, 9);
  } finally {
    await server.close();
    await options.reports.close();
  }
  expect(cli.reviews).toBe(sql.reviews);
  expect(cli.cost).toBeCloseTo(sql.cost, 9);
  expect(cli.deep).toBeCloseTo(sql.deep, 9);
};

describe('cost totals on SQLite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rr-totals-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are the same in SQL, in the costs CLI and in the report route', async () => {
    const file = join(dir, 'ledger.sqlite');
    const ledger = openSqliteLedger({ file });
    await ledger.migrate();
    try {
      await readersAgree({
        ledger,
        reports: openSqliteReportReader({ file }),
        env: { DATA_DIR: dir },
        sql: () => {
          const db = new DatabaseSync(file, { readOnly: true });
          try {
            const row = db
              .prepare(
                'SELECT SUM(cost_nanos) / 1e9 AS cost, SUM(deep_cost_nanos) / 1e9 AS deep, COUNT(*) AS reviews FROM review_attempts',
              )
              .get() as { cost: number; deep: number; reviews: number };
            return Promise.resolve({
              cost: Number(row.cost),
              deep: Number(row.deep),
              reviews: Number(row.reviews),
            });
          } finally {
            db.close();
          }
        },
      });
    } finally {
      await ledger.close();
    }
  });
});

const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('cost totals on Postgres (set DATABASE_URL to run)', () => {
  it('are the same in SQL, in the costs CLI and in the report route', async () => {
    const database = `rr_totals_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(url!);
    target.pathname = `/${database}`;
    const ledger = openPostgresLedger({ connectionString: target.toString() });
    try {
      await ledger.migrate();
      await readersAgree({
        ledger,
        reports: openPostgresReportReader({ connectionString: target.toString() }),
        env: { DATABASE_URL: target.toString() },
        sql: async () => {
          const client = new pg.Client({ connectionString: target.toString() });
          await client.connect();
          try {
            const { rows } = await client.query<{ cost: string; deep: string; reviews: string }>(
              'SELECT SUM(cost_nanos) / 1e9 AS cost, SUM(deep_cost_nanos) / 1e9 AS deep, COUNT(*) AS reviews FROM review_attempts',
            );
            return {
              cost: Number(rows[0]!.cost),
              deep: Number(rows[0]!.deep),
              reviews: Number(rows[0]!.reviews),
            };
          } finally {
            await client.end();
          }
        },
      });
    } finally {
      await ledger.close();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});
