/**
 * A ledger the first release created (its own migrations, its float dollar columns) migrates
 * forward without losing a row, a claim, a reservation or what the app remembers per pull request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../domain/ledger-entry.js';
import { openPostgresLedger } from '../postgres-ledger.js';
import { createPostgresExecutor } from '../postgres/postgres-executor.js';
import { sampleEntry } from '../sample-entry.js';
import type { SqlExecutor, SqlValue } from '../sql/types.js';
import { openSqliteLedger } from '../sqlite-ledger.js';
import { createSqliteExecutor } from '../sqlite/sqlite-executor.js';
import type { LedgerStore } from '../types.js';
import {
  firstReleasePostgresMigrations,
  firstReleaseSqliteMigrations,
  type FirstReleaseMigration,
} from './test-first-release-migrations.js';

const KEY = { repo: 'acme/api', pr: 42, headSha: 'a'.repeat(40), tier: 'deep' } as const;
/** The first release's review_attempts columns and values, with dollars as floats. */
const oldRow = (entry: LedgerEntry): Record<string, SqlValue> => ({
  delivery_id: entry.deliveryId,
  installation_id: entry.installationId,
  repo: entry.repo,
  pr: entry.pr,
  head_sha: entry.headSha,
  '"trigger"': entry.trigger,
  tier: entry.tier,
  provider: entry.provider,
  model: entry.model,
  input_tokens: entry.inputTokens,
  cached_input_tokens: entry.cachedInputTokens,
  cache_write_tokens: entry.cacheWriteTokens,
  cache_write_5m_tokens: entry.cacheWrite5mTokens,
  cache_write_1h_tokens: entry.cacheWrite1hTokens,
  output_tokens: entry.outputTokens,
  reasoning_tokens: entry.reasoningTokens,
  inference_geo: entry.inferenceGeo,
  cost_usd: entry.costUsd,
  deep_cost_usd: entry.deepCostUsd,
  price_version: entry.priceVersion,
  outcome: entry.outcome,
  risk_score: entry.riskScore,
  risk_level: entry.riskLevel,
  size: entry.size,
  reason: entry.reason,
  error: entry.error,
  started_at: entry.startedAt,
  finished_at: entry.finishedAt,
});

const oldRows = [
  sampleEntry({ deliveryId: 'old-1', costUsd: 0.1, startedAt: '2026-11-01T00:00:00.000Z' }),
  sampleEntry({ deliveryId: 'old-2', costUsd: 0.2, deepCostUsd: 0.000000001 }),
  sampleEntry({ deliveryId: 'old-3', costUsd: 0.123456789, startedAt: '2026-11-22T00:00:00.000Z' }),
];

/** What the first release's stores did: its migrations, then its writes, all through `db`. */
const createFirstReleaseLedger = async (
  db: SqlExecutor,
  release: { migrations: readonly FirstReleaseMigration[]; appliedAt: string },
): Promise<void> => {
  const { migrations } = release;
  await db.exec(
    `CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at ${release.appliedAt})`,
  );
  for (const migration of migrations) {
    await db.exec(migration.sql);
    await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
      migration.version,
      migration.name,
      new Date().toISOString(),
    ]);
  }
  for (const entry of oldRows) {
    const row = oldRow(entry);
    await db.run(
      `INSERT INTO review_attempts (${Object.keys(row).join(', ')})
       VALUES (${Object.keys(row)
         .map(() => '?')
         .join(', ')})`,
      Object.values(row),
    );
  }
  await db.run(
    `INSERT INTO review_claims (repo, pr, head_sha, tier, delivery_id, state, claimed_at)
     VALUES (?, ?, ?, ?, 'old-2', 'posted', ?)`,
    [KEY.repo, KEY.pr, KEY.headSha, KEY.tier, '2026-11-21T10:00:00.000Z'],
  );
  await db.run(
    `INSERT INTO budget_reservations (id, repo, owner, amount_usd, reserved_at, expires_at)
     VALUES ('r-1', 'acme/web', 'acme', 2.5, '2026-11-21T10:00:00.000Z', '2099-01-01T00:00:00.000Z')`,
  );
  await db.run(
    `INSERT INTO pr_state (repo, pr, last_reviewed_sha, skipped_by, skipped_comment_id, summary_review_id, updated_at)
     VALUES ('acme/api', 42, ?, 'octocat', 77, 9000000001, '2026-11-21T10:00:00.000Z')`,
    ['b'.repeat(40)],
  );
  await db.run(
    `INSERT INTO posted_findings (repo, pr, fingerprint, review_id, head_sha, created_at)
     VALUES ('acme/api', 42, ?, 80, ?, '2026-11-21T10:00:00.000Z')`,
    ['f'.repeat(64), 'a'.repeat(40)],
  );
};

const expectEverythingKept = async (ledger: LedgerStore): Promise<void> => {
  await ledger.migrate();
  const rows = await ledger.list();
  expect(rows.map(({ id: _, ...entry }) => entry)).toEqual([oldRows[2], oldRows[1], oldRows[0]]);
  expect(await ledger.spend('acme/api', '2026-11-01', '2026-11-22')).toBe(0.3);
  expect(await ledger.claim(KEY, 'new')).toEqual({
    claimed: false,
    state: 'posted',
    deliveryId: 'old-2',
  });
  const at = new Date().toISOString();
  expect(
    await ledger.committed({
      scope: 'org',
      repo: 'acme/x',
      from: '2026-12-01',
      to: '2027-01-01',
      at,
    }),
  ).toEqual({ spentUsd: 0, reservedUsd: 2.5 });
  expect(await ledger.getPullState({ repo: 'acme/api', pr: 42 })).toEqual({
    repo: 'acme/api',
    pr: 42,
    lastReviewedSha: 'b'.repeat(40),
    lastReviewedBase: null,
    skip: { by: 'octocat', commentId: 77 },
    summaryReviewId: 9_000_000_001,
    updatedAt: '2026-11-21T10:00:00.000Z',
  });
  expect(await ledger.listPostedFindings({ repo: 'acme/api', pr: 42 })).toHaveLength(1);
  const recorded = await ledger.record(sampleEntry({ deliveryId: 'new', costUsd: 0.7 }));
  expect(recorded.id).toBeGreaterThan(Math.max(...rows.map((row) => row.id)));
  await ledger.close();
};

describe('a first-release SQLite ledger', () => {
  const root = mkdtempSync(join(tmpdir(), 'first-release-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('migrates forward keeping every row, claim, reservation and pull request state', async () => {
    const file = join(root, 'ledger.db');
    const db = new DatabaseSync(file);
    await createFirstReleaseLedger(createSqliteExecutor({ db, busyTimeoutMs: 1000 }), {
      migrations: firstReleaseSqliteMigrations,
      appliedAt: 'TEXT NOT NULL',
    });
    db.close();
    await expectEverythingKept(openSqliteLedger({ file }));
  });
});

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

describe.skipIf(!url)('a first-release Postgres ledger (set DATABASE_URL to run)', () => {
  const schema = `rr_first_release_${process.pid}_${Date.now()}`;
  const connectionString = url ?? '';
  afterAll(async () => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('migrates forward keeping every row, claim, reservation and pull request state', async () => {
    const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}` });
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await createFirstReleaseLedger(createPostgresExecutor({ pool, schema }), {
      migrations: firstReleasePostgresMigrations,
      appliedAt: 'timestamptz NOT NULL DEFAULT now()',
    });
    await pool.end();
    await expectEverythingKept(openPostgresLedger({ connectionString, schema }));
  });
});
