import type { SqlDialect } from '../sql/types.js';

/** One numbered schema change. The ledger applies each version once and records it in schema_migrations. */
export interface Migration {
  readonly version: number;
  /** kebab-case, for people reading schema_migrations. */
  readonly name: string;
  /** The same change for every dialect: only the dialect's types and expressions differ. */
  readonly sql: (dialect: SqlDialect) => string;
}
