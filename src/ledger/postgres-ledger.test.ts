import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCostReportsContract } from './cost-reports.contract.js';
import { describeHistoryIndexContract } from './history-index.contract.js';
import { describeFindingFeedbackContract } from './finding-feedback.contract.js';
import { describeLedgerStoreContract } from './ledger-store.contract.js';
import { openPostgresLedger } from './postgres-ledger.js';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const run = `rr_test_${process.pid}_${Date.now()}`;
const schemas: string[] = [];
const freshSchema = (): string => {
  const schema = `${run}_${schemas.length + 1}`;
  schemas.push(schema);
  return schema;
};

describe.skipIf(!url)('postgres ledger (set DATABASE_URL to run against Postgres)', () => {
  const connectionString = url ?? '';

  afterAll(async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  describeLedgerStoreContract('postgres ledger', () =>
    Promise.resolve(openPostgresLedger({ connectionString, schema: freshSchema() })),
  );
  describeCostReportsContract('postgres ledger', () =>
    Promise.resolve(openPostgresLedger({ connectionString, schema: freshSchema() })),
  );
  describeHistoryIndexContract('postgres ledger', () =>
    Promise.resolve(openPostgresLedger({ connectionString, schema: freshSchema() })),
  );
  describeFindingFeedbackContract('postgres ledger', () =>
    Promise.resolve(openPostgresLedger({ connectionString, schema: freshSchema() })),
  );

  it('migrates once when several replicas start together', async () => {
    const schema = freshSchema();
    const replicas = Array.from({ length: 4 }, () =>
      openPostgresLedger({ connectionString, schema }),
    );
    await Promise.all(replicas.map((replica) => replica.migrate()));
    const client = new pg.Client({ connectionString });
    await client.connect();
    const { rows } = await client.query(
      `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
    );
    await client.end();
    expect(rows).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
      { version: 5 },
      { version: 6 },
      { version: 7 },
      { version: 8 },
      { version: 9 },
      { version: 11 },
      { version: 12 },
      { version: 13 },
      { version: 14 },
      { version: 15 },
      { version: 16 },
      { version: 17 },
    ]);
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('lets exactly one replica claim a head SHA when they all race', async () => {
    const schema = freshSchema();
    const replicas = Array.from({ length: 5 }, () =>
      openPostgresLedger({ connectionString, schema }),
    );
    await replicas[0]!.migrate();
    const key = { repo: 'acme/api', pr: 7, headSha: 'd'.repeat(40), tier: 'fast' } as const;
    const results = await Promise.all(
      replicas.flatMap((replica, r) => [0, 1].map((i) => replica.claim(key, `r${r}-${i}`))),
    );
    expect(results.filter((result) => result.claimed)).toHaveLength(1);
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('lets replicas racing for the last of an org budget fit only as many reviews as it holds', async () => {
    const schema = freshSchema();
    const replicas = Array.from({ length: 5 }, () =>
      openPostgresLedger({ connectionString, schema }),
    );
    await replicas[0]!.migrate();
    const results = await Promise.all(
      replicas.flatMap((replica, r) =>
        [0, 1].map((i) =>
          replica.reserve({
            // Different repositories of one owner: only the org cap can hold them back.
            repo: `acme/repo-${r}-${i}`,
            amountUsd: 3,
            caps: [
              { scope: 'repo', capUsd: 10 },
              { scope: 'org', capUsd: 10 },
            ],
            from: '2026-11-01',
            to: '2026-12-01',
            at: '2026-11-21T10:00:00Z',
            expiresAt: '2026-11-21T11:00:00Z',
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.reserved)).toHaveLength(3);
    expect(
      await replicas[1]!.committed({
        scope: 'org',
        repo: 'acme/any',
        from: '2026-11-01',
        to: '2026-12-01',
        at: '2026-11-21T10:00:00Z',
      }),
    ).toEqual({ spentUsd: 0, reservedUsd: 9 });
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => openPostgresLedger({ connectionString, schema: 'x"; DROP TABLE y; --' })).toThrow(
      /invalid ledger schema name/,
    );
  });
});
