/** Applies every migration a ledger has not applied yet, in one transaction, once across replicas. */
import type { SqlExecutor } from '../sql/types.js';
import { migrations } from './migrations.js';

export const LATEST_VERSION = Math.max(...migrations.map((migration) => migration.version));

export interface RunMigrationsOptions {
  /** Statements to run first, under the migration lock (Postgres: create the ledger's schema). */
  readonly before?: readonly string[];
}

export const runMigrations = (db: SqlExecutor, options: RunMigrationsOptions = {}): Promise<void> =>
  // Replicas starting together take the same lock and migrate one at a time.
  db.transaction(['migrate'], async (tx) => {
    for (const statement of options.before ?? []) await tx.exec(statement);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at ${tx.dialect.timestamp} NOT NULL)`,
    );
    const applied = new Set(
      (await tx.query('SELECT version FROM schema_migrations')).map((row) => Number(row.version)),
    );
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql(tx.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
  });
