/**
 * The SQL behind the embedded queue: one `review_jobs` table in its own SQLite file, every
 * check-then-act in one statement or one IMMEDIATE transaction, and every statement the queue
 * runs per job served by an index, so its cost does not grow with the backlog.
 */
import { errorMessage } from '../../domain/errors.js';
import type { Log } from '../../domain/log.js';
import type { ReviewJob } from '../../domain/review-job.js';
import { announcesHead, announcesHeadSql, followsHeadSql, prKey } from '../pr-key.js';
import { parseStoredJob } from '../schema.js';
import { startBackgroundCheckpoint } from '../../sqlite/background-checkpoint.js';
import { openQueueDatabase } from './open-queue-database.js';

export type JobState = 'queued' | 'running' | 'done' | 'superseded' | 'dead';

export interface ClaimedJob {
  readonly id: number;
  readonly job: ReviewJob;
  /** Including this one. */
  readonly attempts: number;
}

export interface SqliteJobStore {
  /** Stores a job unless its delivery id is known; supersedes queued jobs of an older head. */
  insert(job: ReviewJob, delayMs?: number): { readonly inserted: boolean };
  /**
   * Marks the oldest due job of a pull request with nothing running as running, leased to owner.
   * A row that is not a ReviewJob is marked dead and the error thrown.
   */
  claimNext(owner: string, leaseMs: number): ClaimedJob | null;
  /** Extends the lease; says whether it is still held and the newest different head SHA, if any. */
  renew(
    id: number,
    owner: string,
    leaseMs: number,
  ): { readonly held: boolean; readonly newerHead: string | null };
  finish(id: number, owner: string, state: 'done' | 'superseded'): void;
  /** After a failed attempt: queued again at `retryAt`, dead when retryAt is null, or superseded. */
  fail(id: number, owner: string, options: { error: string; retryAt: number | null }): JobState;
  /** Hands running jobs back to the queue without spending an attempt (graceful shutdown). */
  release(owner: string, ids: readonly number[]): void;
  /** Running jobs whose lease ran out (their process died) go back to the queue, or die. */
  recoverExpired(owner: string, maxAttempts: number): ClaimedJob[];
  countQueued(): number;
  /** Whether any job is queued, due or not: one index probe. */
  hasQueued(): boolean;
  /** When the next queued job is due, or null when nothing is queued. */
  nextRunAt(): number | null;
  /** Deletes a batch of finished rows last touched before `before` (epoch ms); `more` when rows are left. */
  prune(before: number): { readonly more: boolean };
  /** Closes the database, and resolves once the checkpoint thread has closed its connection too. */
  close(): Promise<void>;
}

/** Finished rows deleted per statement: one batch never holds the event loop or swells the WAL. */
const PRUNE_BATCH = 1_000;

/** True when a newer job of the same pull request wants a different head: this one is moot. */
const NEWER_HEAD = `(${followsHeadSql('review_jobs.payload')} AND EXISTS (SELECT 1 FROM review_jobs newer
  WHERE newer.pr_key = review_jobs.pr_key AND newer.id > review_jobs.id
  AND newer.head_sha <> review_jobs.head_sha AND ${announcesHeadSql('newer.payload')}))`;

/**
 * What the queue asks for every job it runs, however long the backlog: each reads
 * `review_jobs_by_state` in index order and stops early (the claim at its first takeable job).
 */
export const PER_JOB_QUERIES = {
  claimNext: `UPDATE review_jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?,
       lease_until = ?, updated_at = ?
     WHERE id = (SELECT id FROM review_jobs AS candidate WHERE state = 'queued' AND run_at <= ?
       AND NOT EXISTS (SELECT 1 FROM review_jobs AS busy
         WHERE busy.pr_key = candidate.pr_key AND busy.state = 'running')
       ORDER BY run_at, id LIMIT 1)
     RETURNING id, payload, attempts`,
  hasQueued: `SELECT EXISTS (SELECT 1 FROM review_jobs WHERE state = 'queued') AS queued`,
  nextRunAt: `SELECT run_at AS at FROM review_jobs WHERE state = 'queued' ORDER BY run_at LIMIT 1`,
} as const;

const iso = (ms: number): string => new Date(ms).toISOString();

export interface SqliteJobStoreOptions {
  readonly log?: Log;
  /** How big the WAL may grow in a burst (see src/sqlite/background-checkpoint). */
  readonly walLimitBytes?: number;
}

export const openSqliteJobStore = (
  file: string,
  options: SqliteJobStoreOptions = {},
): SqliteJobStore => {
  const { db, immediate } = openQueueDatabase(file);
  // Intake commits here on every webhook: the WAL's fsyncs are left to a thread.
  const checkpoint = startBackgroundCheckpoint({ db, file, ...options });

  const toClaimed = (row: Record<string, unknown>): ClaimedJob => ({
    id: Number(row.id),
    job: parseStoredJob(JSON.parse(String(row.payload)), `review_jobs.id = ${String(row.id)}`),
    attempts: Number(row.attempts),
  });

  const statements = {
    insert: db.prepare(
      `INSERT INTO review_jobs (delivery_id, pr_key, head_sha, payload, state, run_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING`,
    ),
    supersedeQueued: db.prepare(
      `UPDATE review_jobs SET state = 'superseded', updated_at = ?
       WHERE pr_key = ? AND state = 'queued' AND head_sha <> ? AND id < ?
         AND ${followsHeadSql('payload')}`,
    ),
    claimNext: db.prepare(PER_JOB_QUERIES.claimNext),
    renew: db.prepare(
      `UPDATE review_jobs SET lease_until = ?, updated_at = ?
       WHERE id = ? AND lease_owner = ? AND state = 'running'`,
    ),
    newerHead: db.prepare(
      `SELECT newer.head_sha AS head FROM review_jobs AS newer JOIN review_jobs AS mine
         ON newer.pr_key = mine.pr_key AND newer.id > mine.id AND newer.head_sha <> mine.head_sha
       WHERE mine.id = ? AND ${followsHeadSql('mine.payload')} AND ${announcesHeadSql('newer.payload')}
       ORDER BY newer.id DESC LIMIT 1`,
    ),
    finish: db.prepare(
      `UPDATE review_jobs SET state = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
       WHERE id = ? AND lease_owner = ? AND state = 'running'`,
    ),
    fail: db.prepare(
      `UPDATE review_jobs SET
         state = CASE WHEN ${NEWER_HEAD} THEN 'superseded' WHEN ?1 IS NULL THEN 'dead' ELSE 'queued' END,
         run_at = COALESCE(?1, run_at), last_error = ?2, lease_owner = NULL, lease_until = NULL,
         updated_at = ?3
       WHERE id = ?4 AND lease_owner = ?5 AND state = 'running'
       RETURNING state`,
    ),
    release: db.prepare(
      `UPDATE review_jobs SET state = 'queued', attempts = attempts - 1,
         lease_owner = NULL, lease_until = NULL, updated_at = ?
       WHERE id = ? AND lease_owner = ? AND state = 'running'`,
    ),
    recoverExpired: db.prepare(
      `UPDATE review_jobs SET
         state = CASE WHEN ${NEWER_HEAD} THEN 'superseded' WHEN attempts >= ?1 THEN 'dead' ELSE 'queued' END,
         last_error = 'the process running this job stopped before it finished (attempt ' || attempts || ')',
         run_at = ?2, lease_owner = NULL, lease_until = NULL, updated_at = ?3
       WHERE state = 'running' AND lease_until < ?2 AND lease_owner IS NOT ?4
       RETURNING id, payload, attempts, state`,
    ),
    bury: db.prepare(
      `UPDATE review_jobs SET state = 'dead', last_error = ?, lease_owner = NULL, lease_until = NULL,
         updated_at = ? WHERE id = ?`,
    ),
    countQueued: db.prepare(`SELECT COUNT(*) AS n FROM review_jobs WHERE state = 'queued'`),
    hasQueued: db.prepare(PER_JOB_QUERIES.hasQueued),
    nextRunAt: db.prepare(PER_JOB_QUERIES.nextRunAt),
    prune: db.prepare(
      `DELETE FROM review_jobs WHERE id IN (SELECT id FROM review_jobs
         WHERE state IN ('done', 'superseded', 'dead') AND updated_at < ? LIMIT ${PRUNE_BATCH})`,
    ),
  };

  return {
    insert(job, delayMs = 0) {
      return immediate(() => {
        const now = Date.now();
        const key = prKey(job);
        const { changes, lastInsertRowid } = statements.insert.run(
          job.deliveryId,
          key,
          job.headSha,
          JSON.stringify(job),
          now + Math.max(0, delayMs),
          iso(now),
          iso(now),
        );
        if (changes === 0) return { inserted: false };
        if (announcesHead(job))
          statements.supersedeQueued.run(iso(now), key, job.headSha, lastInsertRowid);
        return { inserted: true };
      });
    },
    claimNext(owner, leaseMs) {
      const now = Date.now();
      const row = statements.claimNext.get(owner, now + leaseMs, iso(now), now);
      if (!row) return null;
      try {
        return toClaimed(row);
      } catch (error) {
        statements.bury.run(errorMessage(error), iso(now), row.id ?? null);
        throw error;
      }
    },
    renew(id, owner, leaseMs) {
      const now = Date.now();
      const { changes } = statements.renew.run(now + leaseMs, iso(now), id, owner);
      const newer = statements.newerHead.get(id);
      return { held: changes > 0, newerHead: newer ? String(newer.head) : null };
    },
    finish(id, owner, state) {
      statements.finish.run(state, iso(Date.now()), id, owner);
    },
    fail(id, owner, { error, retryAt }) {
      const row = statements.fail.get(retryAt, error, iso(Date.now()), id, owner);
      return (row?.state as JobState | undefined) ?? 'running';
    },
    release(owner, ids) {
      const now = Date.now();
      immediate(() => {
        for (const id of ids) statements.release.run(iso(now), id, owner);
      });
    },
    recoverExpired(owner, maxAttempts) {
      const now = Date.now();
      return statements.recoverExpired
        .all(maxAttempts, now, iso(now), owner)
        .filter((row) => row.state === 'dead')
        .map(toClaimed);
    },
    countQueued: () => Number(statements.countQueued.get()?.n ?? 0),
    hasQueued: () => Number(statements.hasQueued.get()?.queued ?? 0) === 1,
    nextRunAt() {
      const at = statements.nextRunAt.get()?.at;
      return at === null || at === undefined ? null : Number(at);
    },
    prune(before) {
      return { more: Number(statements.prune.run(iso(before)).changes) === PRUNE_BATCH };
    },
    async close() {
      const threadClosed = checkpoint.stop();
      db.close();
      await threadClosed;
    },
  };
};
