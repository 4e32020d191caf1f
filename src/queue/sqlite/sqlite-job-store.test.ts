import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewJob } from '../test-review-job.js';
import { openQueueDatabase } from './open-queue-database.js';
import { PER_JOB_QUERIES } from './sqlite-job-store.js';
import { createSqliteQueue } from './sqlite-queue.js';

const root = mkdtempSync(join(tmpdir(), 'sqlite-job-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const planOf = (db: DatabaseSync, sql: string): string[] =>
  db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0))
    .map((row) => String(row.detail));

describe('the queries the embedded queue runs for every job', () => {
  const { db } = openQueueDatabase(join(root, 'plans.sqlite'));
  afterAll(() => db.close());

  it.each(Object.entries(PER_JOB_QUERIES))(
    '%s reads review_jobs through the state index, without sorting the backlog',
    (_name, sql) => {
      const plan = planOf(db, sql);
      expect(plan.join('\n')).toMatch(/review_jobs_by_state \(state=\?/);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(plan.filter((step) => /^SCAN (review_jobs|candidate)\b/.test(step))).toEqual([]);
    },
  );

  it('would sort the whole due backlog if it took jobs by id alone, so the test above can fail', () => {
    const byId = PER_JOB_QUERIES.claimNext.replace('ORDER BY run_at, id', 'ORDER BY id');
    expect(planOf(db, byId).join('\n')).toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});

describe('the embedded queue in a burst', () => {
  it('keeps its WAL near its limit while thousands of jobs are enqueued and drained, and shrinks it after', async () => {
    const file = join(root, 'burst', 'queue.sqlite');
    const walLimitBytes = 1_048_576;
    const queue = createSqliteQueue({ file, walLimitBytes, concurrency: 4 });
    let peak = 0;
    const sample = () => {
      try {
        peak = Math.max(peak, statSync(`${file}-wal`).size);
      } catch {
        // No WAL yet.
      }
    };
    const jobs = 3_000;
    for (let index = 0; index < jobs; index++) {
      await queue.enqueue(reviewJob(index + 1, 'a'));
      if (index % 100 === 0) sample();
    }
    let ran = 0;
    queue.start(() => {
      ran += 1;
      if (ran % 100 === 0) sample();
      return Promise.resolve();
    });
    await queue.idle();
    let after = Infinity;
    for (let tries = 0; tries < 100 && after > walLimitBytes; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = statSync(`${file}-wal`).size;
    }
    await queue.stop();
    expect(ran).toBe(jobs);
    expect(after).toBeLessThanOrEqual(walLimitBytes);
    // Unchecked, this burst writes about 150 MB of WAL (about 50 KB a job).
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(4 * walLimitBytes);
  });
});
