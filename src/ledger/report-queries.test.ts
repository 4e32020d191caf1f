import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../domain/ledger-entry.js';
import { reportQueriesFromRows } from '../report/report-queries-from-rows.js';
import { openPostgresReportReader } from './postgres/open-postgres-report-reader.js';
import { openPostgresLedger } from './postgres-ledger.js';
import type { ReportQueries } from './report-queries.js';
import { sampleEntry } from './sample-entry.js';
import { openSqliteLedger } from './sqlite-ledger.js';
import { openSqliteReportReader } from './sqlite/open-sqlite-report-reader.js';
import type { LedgerStore } from './types.js';

/** 2,500 attempts over three repositories and two months; costs tie in pairs. */
const entries = (): LedgerEntry[] =>
  Array.from({ length: 2_500 }, (_, i) =>
    sampleEntry({
      deliveryId: `d-${i}`,
      repo: ['acme/api', 'acme/web', 'other/lib'][i % 3]!,
      tier: (['fast', 'deep', 'skip'] as const)[i % 3]!,
      costUsd: Number((0.000013 * Math.floor(i / 2)).toFixed(9)),
      deepCostUsd: 0.0731,
      startedAt: new Date(Date.UTC(2026, 9, 20) + i * 1_200_000).toISOString(),
    }),
  );

const seed = async (ledger: LedgerStore): Promise<void> => {
  await ledger.migrate();
  for (const entry of entries()) await ledger.record(entry);
};

/** What every reader must answer as the store's own queries do. */
const expectSameAnswers = async (ledger: LedgerStore, reader: ReportQueries) => {
  for (const filter of [{}, { repo: 'acme/web' }, { since: '2026-11-01', until: '2026-11-15' }]) {
    expect(await reader.summarize(filter)).toEqual(await ledger.summarize(filter));
    const top = await reader.mostExpensive(filter, 5);
    expect(top).toEqual(await reportQueriesFromRows(ledger).mostExpensive(filter, 5));
    expect(top).toHaveLength(5);
  }
  const [first, second] = await reader.mostExpensive({}, 2);
  // The two dearest attempts cost the same: the newer one comes first.
  expect(first!.costUsd).toBe(second!.costUsd);
  expect(first!.startedAt > second!.startedAt).toBe(true);
  expect(first!.deliveryId).toBe('d-2499');
};

describe('the SQLite report reader', () => {
  let dir: string;
  let ledger: LedgerStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rr-report-reader-'));
    ledger = openSqliteLedger({ file: join(dir, 'ledger.sqlite') });
    await seed(ledger);
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers on its own thread what the store answers, and sees rows written after it opened', async () => {
    const reader = openSqliteReportReader({ file: join(dir, 'ledger.sqlite') });
    try {
      await expectSameAnswers(ledger, reader);
      await ledger.record(sampleEntry({ deliveryId: 'late', repo: 'late/one', costUsd: 9 }));
      expect((await reader.mostExpensive({}, 1))[0]?.deliveryId).toBe('late');
      expect((await reader.summarize({ repo: 'late/one' })).reviews).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('fails a request with the database error, and answers the next once the file is there', async () => {
    const file = join(dir, 'later.sqlite');
    const reader = openSqliteReportReader({ file });
    try {
      await expect(reader.summarize({})).rejects.toThrow(/report thread|unable to open|database/i);
      const later = openSqliteLedger({ file });
      await later.migrate();
      await later.record(sampleEntry({ costUsd: 0.25 }));
      await later.close();
      expect(await reader.summarize({})).toMatchObject({ reviews: 1, totalCostUsd: 0.25 });
    } finally {
      await reader.close();
    }
  });
});

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

describe.skipIf(!url)('the Postgres report reader (set DATABASE_URL to run)', () => {
  const schema = `rr_report_reader_${process.pid}_${Date.now()}`;
  let ledger: LedgerStore;
  beforeAll(async () => {
    ledger = openPostgresLedger({ connectionString: url!, schema });
    await seed(ledger);
  });
  afterAll(async () => {
    await ledger.close();
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('answers over its own pool what the store answers', async () => {
    const target = new URL(url!);
    target.searchParams.set('options', `-c search_path=${schema}`);
    const reader = openPostgresReportReader({ connectionString: target.toString() });
    try {
      await expectSameAnswers(ledger, reader);
    } finally {
      await reader.close();
    }
  });
});
