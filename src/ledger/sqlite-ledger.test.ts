import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCostReportsContract } from './cost-reports.contract.js';
import { describeHistoryIndexContract } from './history-index.contract.js';
import { describeFindingFeedbackContract } from './finding-feedback.contract.js';
import { describeLedgerStoreContract, sampleEntry } from './ledger-store.contract.js';
import { openSqliteLedger } from './sqlite-ledger.js';

const root = mkdtempSync(join(tmpdir(), 'sqlite-ledger-'));
let files = 0;
const freshFile = (): string => join(root, `run-${(files += 1)}`, 'ledger.db');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeLedgerStoreContract('sqlite ledger', () =>
  Promise.resolve(openSqliteLedger({ file: freshFile() })),
);
describeCostReportsContract('sqlite ledger', () =>
  Promise.resolve(openSqliteLedger({ file: freshFile() })),
);
describeHistoryIndexContract('sqlite ledger', () =>
  Promise.resolve(openSqliteLedger({ file: freshFile() })),
);
describeFindingFeedbackContract('sqlite ledger', () =>
  Promise.resolve(openSqliteLedger({ file: freshFile() })),
);

describe('openSqliteLedger', () => {
  it('copies its WAL back in a thread of its own when asked, not in a commit', async () => {
    const file = freshFile();
    const store = openSqliteLedger({ file, checkpointInThread: true });
    try {
      await store.migrate();
      // The schema's pages sit in the WAL, far below SQLite's 1,000-page automatic checkpoint:
      // only the thread writes them into the file itself.
      await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(100_000);
    } finally {
      await store.close();
    }
  });

  it('leaves its WAL to SQLite otherwise, so the test above can fail', async () => {
    const file = freshFile();
    const store = openSqliteLedger({ file });
    try {
      await store.migrate();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(statSync(file).size).toBeLessThan(100_000);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(100_000);
    } finally {
      await store.close();
    }
  });

  it('creates the directory of the file and puts the database in WAL mode', async () => {
    const file = freshFile();
    const store = openSqliteLedger({ file });
    await store.migrate();
    await store.close();
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
  });

  it('records each migration once in schema_migrations, however often it runs', async () => {
    const file = freshFile();
    const store = openSqliteLedger({ file });
    await store.migrate();
    await store.migrate();
    await store.close();
    const reopened = openSqliteLedger({ file });
    await reopened.migrate();
    await reopened.close();
    const db = new DatabaseSync(file, { readOnly: true });
    const versions = db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    db.close();
    expect(versions.map((row) => ({ ...row }))).toEqual([
      { version: 1, name: 'create-review-attempts' },
      { version: 2, name: 'create-review-claims' },
      { version: 3, name: 'create-budget-reservations' },
      { version: 4, name: 'create-pull-state-and-posted-findings' },
      { version: 5, name: 'store-money-as-integer-nano-dollars' },
      { version: 6, name: 'index-review-attempts-for-reports' },
      { version: 7, name: 'create-history-changes' },
      { version: 8, name: 'record-service-tier-batch-and-discount' },
      { version: 9, name: 'create-finding-feedback' },
      { version: 11, name: 'pull-request-budgets-alerts-and-pending-batches' },
      { version: 12, name: 'index-review-attempts-for-report-groups' },
      { version: 13, name: 'review-attempts-cache-saved' },
      { version: 14, name: 'review-claims-check-id' },
      { version: 15, name: 'finding-feedback-tracked-path' },
      { version: 16, name: 'index-repository-names-case-insensitively' },
      { version: 17, name: 'pr-state-last-reviewed-base' },
    ]);
  });

  it('lets a read-only handle read rows the app writes while the app keeps the database open', async () => {
    const file = freshFile();
    const app = openSqliteLedger({ file });
    await app.migrate();
    await app.record(sampleEntry({ deliveryId: 'before' }));
    const cli = openSqliteLedger({ file, readOnly: true });
    await cli.migrate();
    expect((await cli.list()).map((row) => row.deliveryId)).toEqual(['before']);
    await app.record(sampleEntry({ deliveryId: 'after', startedAt: '2026-11-22T00:00:00.000Z' }));
    expect((await cli.list()).map((row) => row.deliveryId)).toEqual(['after', 'before']);
    await expect(cli.record(sampleEntry())).rejects.toThrow(/readonly/);
    await cli.close();
    await app.close();
  });

  it('lets a read-only handle read a ledger after the app has stopped', async () => {
    const file = freshFile();
    const app = openSqliteLedger({ file });
    await app.migrate();
    await app.record(sampleEntry({ costUsd: 0.25 }));
    await app.close();
    const cli = openSqliteLedger({ file, readOnly: true });
    await cli.migrate();
    expect(await cli.list()).toHaveLength(1);
    expect(await cli.spend('acme/api', '2026-11-01', '2026-12-01')).toBe(0.25);
    await cli.close();
  });

  it('explains how to fix a read-only open of a ledger that does not exist', () => {
    const file = join(root, 'missing', 'ledger.db');
    expect(() => openSqliteLedger({ file, readOnly: true })).toThrow(
      /start the app once so it creates the ledger/,
    );
    expect(existsSync(join(root, 'missing'))).toBe(false);
  });

  it('tells a reader when the app has not migrated the ledger yet', async () => {
    const file = freshFile();
    const writer = openSqliteLedger({ file });
    const reader = openSqliteLedger({ file, readOnly: true });
    await expect(reader.migrate()).rejects.toThrow(/schema version 0.*start the app once/);
    await reader.close();
    await writer.close();
  });

  it('lets only one of several handles on the same file claim a head SHA', async () => {
    const file = freshFile();
    const handles = Array.from({ length: 4 }, () => openSqliteLedger({ file }));
    for (const handle of handles) await handle.migrate();
    const key = { repo: 'acme/api', pr: 1, headSha: 'c'.repeat(40), tier: 'deep' } as const;
    const results = await Promise.all(
      handles.map((handle, index) => handle.claim(key, `d-${index}`)),
    );
    expect(results.filter((result) => result.claimed)).toHaveLength(1);
    for (const handle of handles) await handle.close();
  });

  it('lets several handles on the same file fit only as many reservations as the cap holds', async () => {
    const file = freshFile();
    const handles = Array.from({ length: 5 }, () => openSqliteLedger({ file }));
    for (const handle of handles) await handle.migrate();
    const results = await Promise.all(
      handles.flatMap((handle) =>
        [0, 1].map(() =>
          handle.reserve({
            repo: 'acme/api',
            amountUsd: 3,
            caps: [{ scope: 'repo', capUsd: 10 }],
            from: '2026-11-01',
            to: '2026-12-01',
            at: '2026-11-21T10:00:00Z',
            expiresAt: '2026-11-21T11:00:00Z',
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.reserved)).toHaveLength(3);
    for (const handle of handles) await handle.close();
  });

  it('closes twice without throwing', async () => {
    const store = openSqliteLedger({ file: freshFile() });
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
