/**
 * The embedded ledger: one SQLite file under DATA_DIR (node:sqlite). WAL mode lets the
 * `review-router costs` CLI read through a read-only handle while the app writes.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { LedgerEntry, LedgerRow } from '../domain/ledger-entry.js';
import { errorMessage } from '../domain/errors.js';
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
import { sqliteMigrations } from './migrations/sqlite-migrations.js';
import { ownerOf } from './owner-of.js';
import { createSqlitePullState } from './sqlite-pull-state.js';
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

export interface OpenSqliteLedgerOptions {
  readonly file: string;
  /** For readers such as the CLI: never writes, never migrates. */
  readonly readOnly?: boolean;
}

const BUSY_TIMEOUT_MS = 5000;
/** The owner of a stored `owner/name`, written exactly as the review_attempts_owner_started_at index is. */
const OWNER_OF_REPO = "substr(repo, 1, instr(repo, '/') - 1)";
/** Sums dollars in whole nano-dollars, so many small costs add up without float noise. */
const nanoSum = (column: string): string =>
  `COALESCE(SUM(CAST(ROUND(${column} * 1e9) AS INTEGER)), 0) AS nano`;
/** `list`'s limit, checked before it reaches SQL. */
const checkLimit = (limit: number): number => {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a whole number of at least 1, got ${limit}`);
  return limit;
};

const LATEST_VERSION = Math.max(...sqliteMigrations.map((migration) => migration.version));

export const openSqliteLedger = (options: OpenSqliteLedgerOptions): LedgerStore => {
  const { file } = options;
  const readOnly = options.readOnly ?? false;
  if (!readOnly) mkdirSync(dirname(file), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new Error(
      `cannot open the ledger database ${file}${readOnly ? ' read-only' : ''}: ${errorMessage(error)}. To resolve, ${readOnly ? 'start the app once so it creates the ledger, or point DATA_DIR at the directory that holds it' : 'make sure DATA_DIR is a writable directory'}.`,
    );
  }
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readOnly) {
    db.exec('PRAGMA journal_mode = WAL');
    // In WAL mode NORMAL is safe against a crash of the app (what the ledger must survive) and
    // spares an fsync per write: node:sqlite is synchronous, so an fsync stalls every webhook.
    db.exec('PRAGMA synchronous = NORMAL');
  }

  /** Runs `work` in a write transaction that takes the lock up front, so check-then-act is atomic. */
  const immediate = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };
  const keyValues = (key: ReviewKey): SQLInputValue[] => [key.repo, key.pr, key.headSha, key.tier];
  const KEY_MATCH = 'repo = ? AND pr = ? AND head_sha = ? AND tier = ?';

  const migrate = (): void => {
    if (readOnly) return assertMigrated();
    immediate(() => {
      db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const applied = new Set(
        db
          .prepare('SELECT version FROM schema_migrations')
          .all()
          .map((row) => Number(row.version)),
      );
      for (const migration of sqliteMigrations) {
        if (applied.has(migration.version)) continue;
        db.exec(migration.sql);
        db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        ).run(migration.version, migration.name, new Date().toISOString());
      }
    });
  };

  const assertMigrated = (): void => {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    const latest = table
      ? Number(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()?.v ?? 0)
      : 0;
    if (latest < LATEST_VERSION) {
      throw new Error(
        `the ledger database ${file} is at schema version ${latest}, this version of review-router needs ${LATEST_VERSION}. To resolve, start the app once so it migrates the ledger.`,
      );
    }
  };

  const claim = (key: ReviewKey, deliveryId: string, options: ClaimOptions = {}): ClaimResult =>
    immediate(() => {
      const existing = db
        .prepare(`SELECT state, delivery_id, claimed_at FROM review_claims WHERE ${KEY_MATCH}`)
        .get(...keyValues(key));
      const stale =
        existing?.state === 'running' &&
        options.staleBefore !== undefined &&
        String(existing.claimed_at) < toIsoTimestamp(options.staleBefore, 'staleBefore');
      // The same delivery's earlier attempt, which the queue has given up on (a crash).
      const ownRetry = existing?.state === 'running' && String(existing.delivery_id) === deliveryId;
      if (existing && (stale || ownRetry)) {
        db.prepare(
          `UPDATE review_claims SET delivery_id = ?, claimed_at = ? WHERE ${KEY_MATCH} AND state = 'running'`,
        ).run(deliveryId, new Date().toISOString(), ...keyValues(key));
        return { claimed: true };
      }
      if (existing) {
        return {
          claimed: false,
          state: existing.state === 'posted' ? 'posted' : 'running',
          deliveryId: String(existing.delivery_id),
        };
      }
      db.prepare(
        `INSERT INTO review_claims (repo, pr, head_sha, tier, delivery_id, state, claimed_at)
         VALUES (?, ?, ?, ?, ?, 'running', ?) ON CONFLICT DO NOTHING`,
      ).run(...keyValues(key), deliveryId, new Date().toISOString());
      return { claimed: true };
    });

  const settle = (key: ReviewKey, state: 'posted' | 'released'): void => {
    if (state === 'posted') {
      db.prepare(`UPDATE review_claims SET state = 'posted' WHERE ${KEY_MATCH}`).run(
        ...keyValues(key),
      );
    } else {
      // A posted review stays claimed forever: releasing only frees a running claim.
      db.prepare(`DELETE FROM review_claims WHERE ${KEY_MATCH} AND state = 'running'`).run(
        ...keyValues(key),
      );
    }
  };

  const record = (entry: LedgerEntry): LedgerRow => {
    const placeholders = LEDGER_COLUMNS.map(() => '?').join(', ');
    const row = db
      .prepare(`INSERT INTO review_attempts (${COLUMN_LIST}) VALUES (${placeholders}) RETURNING *`)
      .get(...toColumnValues(entry));
    return toLedgerRow(row as StoredRecord);
  };

  const list = (filter: LedgerListFilter = {}): LedgerRow[] => {
    const { where, values } = buildWhere(filter, () => '?');
    const limit = filter.limit === undefined ? [] : [checkLimit(filter.limit)];
    return db
      .prepare(
        `SELECT * FROM review_attempts ${where} ORDER BY started_at DESC, id DESC${limit.length > 0 ? ' LIMIT ?' : ''}`,
      )
      .all(...values, ...limit)
      .map((row) => toLedgerRow(row as StoredRecord));
  };

  const spend = (repo: string, from: string, to: string): number => {
    const row = db
      .prepare(
        `SELECT ${nanoSum('cost_usd')} FROM review_attempts
         WHERE repo = ? AND started_at >= ? AND started_at < ?`,
      )
      .get(repo, toIsoTimestamp(from, 'from'), toIsoTimestamp(to, 'to'));
    return Number(row?.nano ?? 0) / 1e9;
  };

  /** `excluding`: a reservation that does not count (the one a new reservation replaces). */
  const committedIn = (query: CommittedQuery, excluding = ''): Committed => {
    const org = query.scope === 'org';
    const key = org ? ownerOf(query.repo) : query.repo;
    const spent = db
      .prepare(
        `SELECT ${nanoSum('cost_usd')} FROM review_attempts
         WHERE ${org ? OWNER_OF_REPO : 'repo'} = ? AND started_at >= ? AND started_at < ?`,
      )
      .get(key, toIsoTimestamp(query.from, 'from'), toIsoTimestamp(query.to, 'to'));
    const reserved = db
      .prepare(
        `SELECT ${nanoSum('amount_usd')} FROM budget_reservations
         WHERE ${org ? 'owner' : 'repo'} = ? AND expires_at > ? AND id <> ?`,
      )
      .get(key, toIsoTimestamp(query.at, 'at'), excluding);
    return {
      spentUsd: Number(spent?.nano ?? 0) / 1e9,
      reservedUsd: Number(reserved?.nano ?? 0) / 1e9,
    };
  };

  const reserve = (request: ReserveRequest): ReserveResult =>
    immediate(() => {
      const at = toIsoTimestamp(request.at, 'at');
      db.prepare('DELETE FROM budget_reservations WHERE expires_at <= ?').run(at);
      const committed = new Map<BudgetScope, Committed>(
        scopesOf(request.caps).map((scope) => [
          scope,
          committedIn({ ...request, scope }, request.replaces),
        ]),
      );
      const passed = firstPassedCap(request.caps, request.amountUsd, committed);
      if (passed !== null) {
        const { cap, ...figures } = passed;
        return { reserved: false, scope: cap.scope, capUsd: cap.capUsd, ...figures };
      }
      if (request.replaces !== undefined) {
        db.prepare('DELETE FROM budget_reservations WHERE id = ?').run(request.replaces);
      }
      const id = randomUUID();
      db.prepare(
        `INSERT INTO budget_reservations (id, repo, owner, amount_usd, reserved_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        request.repo,
        ownerOf(request.repo),
        request.amountUsd,
        at,
        toIsoTimestamp(request.expiresAt, 'expiresAt'),
      );
      return { reserved: true, id };
    });

  const release = (id: string): void => {
    db.prepare('DELETE FROM budget_reservations WHERE id = ?').run(id);
  };

  return {
    migrate: () => Promise.resolve().then(migrate),
    claim: (key, deliveryId, options) =>
      Promise.resolve().then(() => claim(key, deliveryId, options)),
    settle: (key, state) => Promise.resolve().then(() => settle(key, state)),
    record: (entry) => Promise.resolve().then(() => record(entry)),
    list: (filter) => Promise.resolve().then(() => list(filter)),
    spend: (repo, from, to) => Promise.resolve().then(() => spend(repo, from, to)),
    reserve: (request) => Promise.resolve().then(() => reserve(request)),
    release: (id) => Promise.resolve().then(() => release(id)),
    committed: (query) => Promise.resolve().then(() => committedIn(query)),
    ...createSqlitePullState(db, immediate),
    close: () =>
      Promise.resolve().then(() => {
        if (db.isOpen) db.close();
      }),
  };
};
