/**
 * The history index over SQL, for every database: rows are written in chunks of one multi-row
 * INSERT inside one transaction, and read with one grouped query per chunk of paths.
 */
import { z } from 'zod';
import { RECENT_FIX_SECONDS, type HistoryCommit, type PathHistory } from '../domain/history.js';
import type { HistoryIndex } from './history-index.js';
import type { SqlExecutor, SqlValue } from './sql/types.js';

/** Rows per INSERT (5 values each): well under SQLite's and Postgres's parameter limits. */
const ROWS_PER_INSERT = 1_000;
/** Paths per IN list. */
const PATHS_PER_QUERY = 500;

const PathCountsSchema = z.object({
  path: z.string(),
  commits: z.coerce.number(),
  recent_fixes: z.coerce.number(),
});

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size)
    out.push(items.slice(index, index + size));
  return out;
};

const rowsOf = (repo: string, commits: readonly HistoryCommit[]): SqlValue[][] =>
  commits.flatMap((commit) =>
    [...new Set(commit.paths)].map((path) => [
      repo,
      path,
      commit.sha,
      Math.floor(commit.committedAt),
      commit.fix ? 1 : 0,
    ]),
  );

/** GitHub names are case-insensitive: a clone's remote URL and a push event may spell them apart. */
const keyOf = (repo: string): string => repo.toLowerCase();

export const createHistoryIndex = (db: SqlExecutor): HistoryIndex => ({
  async recordHistory(repo, commits) {
    const rows = rowsOf(keyOf(repo), commits);
    if (rows.length === 0) return 0;
    return db.transaction(['history', keyOf(repo)], async (tx) => {
      let inserted = 0;
      for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
        inserted += await tx.run(
          `INSERT INTO history_changes (repo, path, sha, committed_at, fix)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
           ON CONFLICT (repo, path, sha) DO NOTHING`,
          chunk.flat(),
        );
      }
      return inserted;
    });
  },

  async historyOf(repo, paths, at) {
    const before = Math.floor(at.getTime() / 1000);
    const [known] = await db.query(
      'SELECT 1 AS known FROM history_changes WHERE repo = ? AND committed_at < ? LIMIT 1',
      [keyOf(repo), before],
    );
    if (known === undefined) return null;
    const entries: PathHistory[] = [];
    for (const chunk of chunks([...new Set(paths)], PATHS_PER_QUERY)) {
      const rows = await db.query(
        `SELECT path, COUNT(*) AS commits,
           SUM(CASE WHEN fix = 1 AND committed_at >= ? THEN 1 ELSE 0 END) AS recent_fixes
         FROM history_changes
         WHERE repo = ? AND committed_at < ? AND path IN (${chunk.map(() => '?').join(', ')})
         GROUP BY path`,
        [before - RECENT_FIX_SECONDS, keyOf(repo), before, ...chunk],
      );
      for (const row of rows) {
        const counts = PathCountsSchema.parse(row);
        entries.push({
          path: counts.path,
          commits: counts.commits,
          recentFixes: counts.recent_fixes,
        });
      }
    }
    const order = new Map(paths.map((path, index) => [path, index]));
    entries.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
    return { paths: entries };
  },
});
