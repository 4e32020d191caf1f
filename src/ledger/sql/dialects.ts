/** Every difference between the ledger's SQLite and Postgres SQL, in one place. */
import type { SqlDialect } from './types.js';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  idColumn: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  timestamp: 'TEXT',
  ownerOf: (column) => `substr(${column}, 1, instr(${column}, '/') - 1)`,
  // Timestamps are stored as UTC ISO text (`2026-11-21T10:00:00.000Z`), so a prefix is exact.
  utcMonth: (column) => `substr(${column}, 1, 7)`,
  utcDay: (column) => `substr(${column}, 1, 10)`,
  totalsSource: 'review_attempts INDEXED BY review_attempts_costs',
  chunkRows: 50_000,
};

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  idColumn: 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  timestamp: 'timestamptz',
  ownerOf: (column) => `split_part(${column}, '/', 1)`,
  utcMonth: (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM')`,
  utcDay: (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  totalsSource: 'review_attempts',
  chunkRows: null,
};
