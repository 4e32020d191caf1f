/**
 * The one seam between the ledger's SQL and a database driver. The ledger writes each statement
 * once, with `?` placeholders; an executor runs it on its driver and a dialect supplies the few
 * expressions that differ between SQLite and Postgres.
 */
export type SqlValue = string | number | bigint | null;

/** A row as a driver returns it: validated by the ledger's schemas before anyone reads it. */
export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** The column type of an auto-numbered primary key. */
  readonly idColumn: string;
  /** The column type of a UTC timestamp (ISO text in SQLite, timestamptz in Postgres). */
  readonly timestamp: string;
  /** The owner of an `owner/name` column, written exactly as the owner index is. */
  readonly ownerOf: (column: string) => string;
  /** The UTC `YYYY-MM` of a timestamp column. */
  readonly utcMonth: (column: string) => string;
  /** The UTC `YYYY-MM-DD` of a timestamp column. */
  readonly utcDay: (column: string) => string;
  /**
   * Where totals over the whole ledger (no repository filter) read from when they are read in
   * chunks along started_at: SQLite's planner would otherwise walk a repository index to skip a
   * sort, and look up every row in the table.
   */
  readonly totalsSource: string;
  /**
   * A database that runs on the caller's thread answers big reads in chunks of about this many
   * rows and lets the event loop run between them; null for one that answers over a socket.
   */
  readonly chunkRows: number | null;
}

export interface SqlExecutor {
  readonly dialect: SqlDialect;
  /** Runs one statement and returns its rows (a RETURNING clause included). */
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs one statement and returns how many rows it inserted, changed or deleted. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a script of statements without parameters: a migration. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction that first takes the write lock named by `lock` (Postgres: an
   * advisory lock on that name, so only work under the same name waits; SQLite: the database's one
   * write lock). Everything `work` does through `tx` commits together or not at all.
   */
  transaction<T>(lock: readonly string[], work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
