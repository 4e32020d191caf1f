/**
 * The shared ledger for several replicas: Postgres through a `pg` Pool. An optional
 * schema (created by migrate(), set as each connection's search_path) keeps test runs apart.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { LedgerEntry, LedgerRow } from '../domain/ledger-entry.js';
import {
  buildWhere,
  COLUMN_LIST,
  LEDGER_COLUMNS,
  toColumnValues,
  toIsoTimestamp,
  toLedgerRow,
  type StoredRecord,
} from './ledger-columns.js';
import { firstPassedCap, scopesOf } from './first-passed-cap.js';
import { postgresMigrations } from './migrations/postgres-migrations.js';
import { ownerOf } from './owner-of.js';
import { createPostgresPullState } from './postgres-pull-state.js';
import type {
  BudgetScope,
  ClaimOptions,
  ClaimResult,
  Committed,
  CommittedQuery,
  LedgerListFilter,
  LedgerStore,
  ReserveRequest,
  ReserveResult,
  ReviewKey,
} from './types.js';

export interface OpenPostgresLedgerOptions {
  readonly connectionString: string;
  /** A schema of its own (letters, digits, underscores); default: the server's search_path. */
  readonly schema?: string | undefined;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const KEY_MATCH = 'repo = $1 AND pr = $2 AND head_sha = $3 AND tier = $4';
/** A claim released between our INSERT and SELECT is retried; more than this is a bug. */
const CLAIM_ATTEMPTS = 5;
/** Sums dollars in whole nano-dollars, so many small costs add up without float noise. */
const nanoSum = (column: string): string =>
  `COALESCE(SUM(ROUND(${column} * 1e9)::bigint), 0)::text AS nano`;
/** Written exactly as the review_attempts_owner_started_at index is. */
const OWNER_OF_REPO = "split_part(repo, '/', 1)";

type Queryable = Pick<pg.PoolClient, 'query'>;

/** `list`'s limit, checked before it reaches SQL. */
const checkLimit = (limit: number): number => {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a whole number of at least 1, got ${limit}`);
  return limit;
};

export const openPostgresLedger = (options: OpenPostgresLedgerOptions): LedgerStore => {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `invalid ledger schema name ${JSON.stringify(schema)}: use letters, digits and underscores, starting with a letter`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection that dies is dropped by the pool; the next query reports the failure.
  pool.on('error', () => undefined);
  const keyValues = (key: ReviewKey): (string | number)[] => [
    key.repo,
    key.pr,
    key.headSha,
    key.tier,
  ];

  const migrate = async (): Promise<void> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Replicas starting together migrate one at a time.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `review-router:migrate:${schema ?? ''}`,
      ]);
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const applied = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const done = new Set(applied.rows.map((row) => row.version));
      for (const migration of postgresMigrations) {
        if (done.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  const claim = async (
    key: ReviewKey,
    deliveryId: string,
    options: ClaimOptions = {},
  ): Promise<ClaimResult> => {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const inserted = await pool.query(
        `INSERT INTO review_claims (repo, pr, head_sha, tier, delivery_id, state)
         VALUES ($1, $2, $3, $4, $5, 'running')
         ON CONFLICT (repo, pr, head_sha, tier) DO NOTHING`,
        [...keyValues(key), deliveryId],
      );
      if (inserted.rowCount === 1) return { claimed: true };
      // One statement, so two deliveries cannot both take over the same claim: a stale one, or
      // one held by this same delivery's earlier attempt, which the queue has given up on.
      const staleBefore =
        options.staleBefore === undefined
          ? null
          : toIsoTimestamp(options.staleBefore, 'staleBefore');
      const taken = await pool.query(
        `UPDATE review_claims SET delivery_id = $5, claimed_at = now()
         WHERE ${KEY_MATCH} AND state = 'running'
           AND (delivery_id = $5 OR ($6::timestamptz IS NOT NULL AND claimed_at < $6::timestamptz))`,
        [...keyValues(key), deliveryId, staleBefore],
      );
      if (taken.rowCount === 1) return { claimed: true };
      const existing = await pool.query<{ state: string; delivery_id: string }>(
        `SELECT state, delivery_id FROM review_claims WHERE ${KEY_MATCH}`,
        keyValues(key),
      );
      const holder = existing.rows[0];
      if (holder !== undefined) {
        return {
          claimed: false,
          state: holder.state === 'posted' ? 'posted' : 'running',
          deliveryId: holder.delivery_id,
        };
      }
    }
    throw new Error(
      `could not claim ${key.repo}#${key.pr} ${key.headSha} (${key.tier}): the claim was taken and released ${CLAIM_ATTEMPTS} times in a row`,
    );
  };

  const settle = async (key: ReviewKey, state: 'posted' | 'released'): Promise<void> => {
    await pool.query(
      state === 'posted'
        ? `UPDATE review_claims SET state = 'posted' WHERE ${KEY_MATCH}`
        : // A posted review stays claimed forever: releasing only frees a running claim.
          `DELETE FROM review_claims WHERE ${KEY_MATCH} AND state = 'running'`,
      keyValues(key),
    );
  };

  const record = async (entry: LedgerEntry): Promise<LedgerRow> => {
    const placeholders = LEDGER_COLUMNS.map((_, index) => `$${index + 1}`).join(', ');
    const result = await pool.query<StoredRecord>(
      `INSERT INTO review_attempts (${COLUMN_LIST}) VALUES (${placeholders}) RETURNING *`,
      toColumnValues(entry),
    );
    const row = result.rows[0];
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no row');
    return toLedgerRow(row);
  };

  const list = async (filter: LedgerListFilter = {}): Promise<LedgerRow[]> => {
    const { where, values } = buildWhere(filter, (position) => `$${position}`);
    const limit = filter.limit === undefined ? [] : [checkLimit(filter.limit)];
    const result = await pool.query<StoredRecord>(
      `SELECT * FROM review_attempts ${where} ORDER BY started_at DESC, id DESC${limit.length > 0 ? ` LIMIT $${values.length + 1}` : ''}`,
      [...values, ...limit],
    );
    return result.rows.map(toLedgerRow);
  };

  const spend = async (repo: string, from: string, to: string): Promise<number> => {
    const result = await pool.query<{ nano: string }>(
      `SELECT ${nanoSum('cost_usd')} FROM review_attempts
       WHERE repo = $1 AND started_at >= $2 AND started_at < $3`,
      [repo, toIsoTimestamp(from, 'from'), toIsoTimestamp(to, 'to')],
    );
    return Number(result.rows[0]?.nano ?? 0) / 1e9;
  };

  /** `excluding`: a reservation that does not count (the one a new reservation replaces). */
  const committedIn = async (
    db: Queryable,
    query: CommittedQuery,
    excluding = '',
  ): Promise<Committed> => {
    const org = query.scope === 'org';
    const key = org ? ownerOf(query.repo) : query.repo;
    const spent = await db.query<{ nano: string }>(
      `SELECT ${nanoSum('cost_usd')} FROM review_attempts
       WHERE ${org ? OWNER_OF_REPO : 'repo'} = $1 AND started_at >= $2 AND started_at < $3`,
      [key, toIsoTimestamp(query.from, 'from'), toIsoTimestamp(query.to, 'to')],
    );
    const reserved = await db.query<{ nano: string }>(
      `SELECT ${nanoSum('amount_usd')} FROM budget_reservations
       WHERE ${org ? 'owner' : 'repo'} = $1 AND expires_at > $2 AND id <> $3`,
      [key, toIsoTimestamp(query.at, 'at'), excluding],
    );
    return {
      spentUsd: Number(spent.rows[0]?.nano ?? 0) / 1e9,
      reservedUsd: Number(reserved.rows[0]?.nano ?? 0) / 1e9,
    };
  };

  const reserve = async (request: ReserveRequest): Promise<ReserveResult> => {
    const owner = ownerOf(request.repo);
    const at = toIsoTimestamp(request.at, 'at');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Every reservation for one owner waits its turn, whichever replica makes it: the org scope
      // spans all of the owner's repositories, so a per-repository lock would not be enough.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `review-router:budget:${schema ?? ''}:${owner}`,
      ]);
      await client.query('DELETE FROM budget_reservations WHERE owner = $1 AND expires_at <= $2', [
        owner,
        at,
      ]);
      const committed = new Map<BudgetScope, Committed>();
      for (const scope of scopesOf(request.caps)) {
        committed.set(scope, await committedIn(client, { ...request, scope }, request.replaces));
      }
      const passed = firstPassedCap(request.caps, request.amountUsd, committed);
      let result: ReserveResult;
      if (passed === null) {
        if (request.replaces !== undefined) {
          await client.query('DELETE FROM budget_reservations WHERE id = $1', [request.replaces]);
        }
        const id = randomUUID();
        await client.query(
          `INSERT INTO budget_reservations (id, repo, owner, amount_usd, reserved_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            id,
            request.repo,
            owner,
            request.amountUsd,
            at,
            toIsoTimestamp(request.expiresAt, 'expiresAt'),
          ],
        );
        result = { reserved: true, id };
      } else {
        const { cap, ...figures } = passed;
        result = { reserved: false, scope: cap.scope, capUsd: cap.capUsd, ...figures };
      }
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  const release = async (id: string): Promise<void> => {
    await pool.query('DELETE FROM budget_reservations WHERE id = $1', [id]);
  };

  return {
    migrate,
    claim,
    settle,
    record,
    list,
    spend,
    reserve,
    release,
    committed: (query) => committedIn(pool, query),
    ...createPostgresPullState(pool),
    close: async () => {
      if (!pool.ended && !pool.ending) await pool.end();
    },
  };
};
