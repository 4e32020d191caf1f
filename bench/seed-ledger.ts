/**
 * Fills a ledger with `rows` review attempts for the report benchmark, fast: bulk inserts in
 * large transactions, through the ledger's own column list (INSERT_ATTEMPT, toColumnValues), so
 * the rows are exactly what the app writes. The spread is realistic and the same every run (a
 * seeded generator): 48 repositories of 4 owners, 24 months up to today, skip/fast/deep about
 * 30/50/20, two providers, every outcome, and costs of cents to a dollar.
 */
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { LedgerEntry } from '../src/domain/ledger-entry.js';
import { INSERT_ATTEMPT, toColumnValues } from '../src/ledger/ledger-columns.js';
import { sampleEntry } from '../src/ledger/sample-entry.js';

const OWNERS = ['acme', 'globex', 'initech', 'umbrella'];
const REPOS = OWNERS.flatMap((owner) =>
  Array.from({ length: 12 }, (_, i) => `${owner}/service-${i}`),
);
const MONTHS = 24;

/** mulberry32: a small seeded generator, so every run seeds the same ledger. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

/** Attempt `i` of `rows`, spread evenly over the last 24 months (the newest is the last). */
export const benchEntry = (
  next: () => number,
  i: number,
  rows: number,
  now: number,
): LedgerEntry => {
  const span = MONTHS * 30 * 86_400_000;
  const started = now - span + Math.floor((span * (i + 1)) / rows);
  const roll = next();
  const tier = roll < 0.3 ? 'skip' : roll < 0.8 ? 'fast' : 'deep';
  const anthropic = tier === 'deep' || next() < 0.3;
  const input = tier === 'skip' ? 0 : 2_000 + Math.floor(next() * 60_000);
  const output = tier === 'skip' ? 0 : 300 + Math.floor(next() * 4_000);
  const deepCost = (input * 5 + output * 25) / 1e6 + 0.01;
  const cost =
    tier === 'skip' ? 0 : tier === 'deep' ? deepCost : (input * 1.75 + output * 14) / 1e6;
  const outcome =
    tier === 'skip'
      ? 'skipped'
      : (
          [
            'posted',
            'posted',
            'posted',
            'posted',
            'posted',
            'failed',
            'superseded',
            'escalated',
          ] as const
        )[Math.floor(next() * 8)]!;
  return sampleEntry({
    deliveryId: `bench-${i}`,
    repo: REPOS[Math.floor(next() * REPOS.length)]!,
    pr: 1 + Math.floor(next() * 5_000),
    headSha: i.toString(16).padStart(40, '0'),
    trigger: tier === 'skip' ? 'opened' : 'synchronize',
    tier,
    provider: tier === 'skip' ? null : anthropic ? 'anthropic' : 'openai',
    model: tier === 'skip' ? null : anthropic ? 'claude-opus-4-6' : 'gpt-5.3-codex',
    inputTokens: input,
    cachedInputTokens: Math.floor(input * next() * 0.5),
    cacheWriteTokens: 0,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: output,
    reasoningTokens: Math.floor(output * 0.3),
    costUsd: Number(cost.toFixed(9)),
    deepCostUsd: Number(deepCost.toFixed(9)),
    outcome,
    riskScore: Number(next().toFixed(2)),
    riskLevel: (['low', 'medium', 'high', 'critical'] as const)[Math.floor(next() * 4)]!,
    size: (['XS', 'S', 'M', 'L', 'XL'] as const)[Math.floor(next() * 5)]!,
    reason:
      tier === 'skip'
        ? 'skip rule: docs only'
        : `risk ${tier === 'deep' ? 'high' : 'low'}: routed to ${tier}`,
    error: outcome === 'failed' ? 'provider 529: overloaded' : null,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(started + 20_000 + Math.floor(next() * 100_000)).toISOString(),
  });
};

/** Into a migrated SQLite ledger file, 50,000 rows per transaction. */
export const seedSqlite = (file: string, rows: number, now: number): void => {
  const db = new DatabaseSync(file);
  const insert = db.prepare(INSERT_ATTEMPT);
  const next = random(42);
  try {
    for (let from = 0; from < rows; from += 50_000) {
      db.exec('BEGIN');
      for (let i = from; i < Math.min(rows, from + 50_000); i += 1) {
        insert.run(...toColumnValues(benchEntry(next, i, rows, now)));
      }
      db.exec('COMMIT');
    }
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
};

/** Into a migrated Postgres ledger (the connection's search_path), 2,000 rows per INSERT, then ANALYZE. */
export const seedPostgres = async (
  connectionString: string,
  rows: number,
  now: number,
): Promise<void> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const columns = INSERT_ATTEMPT.slice(0, INSERT_ATTEMPT.indexOf('VALUES'));
  const next = random(42);
  try {
    for (let from = 0; from < rows; from += 2_000) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let i = from; i < Math.min(rows, from + 2_000); i += 1) {
        const row = toColumnValues(benchEntry(next, i, rows, now));
        tuples.push(`(${row.map((_, k) => `$${values.length + k + 1}`).join(', ')})`);
        values.push(...row);
      }
      await client.query(`${columns} VALUES ${tuples.join(', ')}`, values);
    }
    await client.query('ANALYZE review_attempts');
  } finally {
    await client.end();
  }
};
