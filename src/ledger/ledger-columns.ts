/**
 * How a LedgerEntry maps to the `review_attempts` table and how a stored row is validated on its
 * way out: the one ledger file a new column is added to, besides its migration.
 */
import { z } from 'zod';
import type { LedgerEntry, LedgerRow } from '../domain/ledger-entry.js';
import { parseTimestamp } from '../domain/parse-timestamp.js';
import { toNanos } from './money.js';
import {
  DISCOUNTS,
  OUTCOME_VALUES,
  PROVIDERS,
  RISK_LEVELS,
  SIZES,
  StoredBoolean,
  StoredInteger,
  StoredTimestamp,
  StoredUsd,
  TIERS,
  TRIGGERS,
} from './stored-values.js';
import type { SqlValue } from './sql/types.js';
import type { LedgerListFilter } from './types.js';

/** Each entry field's column. Money is stored as integer nano-dollars. */
const COLUMN_OF: { readonly [Field in keyof LedgerEntry]: string } = {
  deliveryId: 'delivery_id',
  installationId: 'installation_id',
  repo: 'repo',
  pr: 'pr',
  headSha: 'head_sha',
  trigger: 'trigger',
  tier: 'tier',
  provider: 'provider',
  model: 'model',
  inputTokens: 'input_tokens',
  cachedInputTokens: 'cached_input_tokens',
  cacheWriteTokens: 'cache_write_tokens',
  cacheWrite5mTokens: 'cache_write_5m_tokens',
  cacheWrite1hTokens: 'cache_write_1h_tokens',
  outputTokens: 'output_tokens',
  reasoningTokens: 'reasoning_tokens',
  inferenceGeo: 'inference_geo',
  serviceTier: 'service_tier',
  batch: 'batch',
  discount: 'discount',
  costUsd: 'cost_nanos',
  deepCostUsd: 'deep_cost_nanos',
  cacheSavedUsd: 'cache_saved_nanos',
  priceVersion: 'price_version',
  outcome: 'outcome',
  riskScore: 'risk_score',
  riskLevel: 'risk_level',
  size: 'size',
  reason: 'reason',
  error: 'error',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
};

/** A stored attempt, read with each column named after its field (ATTEMPT_FIELDS). */
export const LedgerRowSchema: z.ZodType<LedgerRow, unknown> = z.object({
  id: StoredInteger,
  deliveryId: z.string(),
  installationId: StoredInteger,
  repo: z.string(),
  pr: StoredInteger,
  headSha: z.string(),
  trigger: z.enum(TRIGGERS),
  tier: z.enum(TIERS),
  provider: z.enum(PROVIDERS).nullable(),
  model: z.string().nullable(),
  inputTokens: StoredInteger,
  cachedInputTokens: StoredInteger,
  cacheWriteTokens: StoredInteger,
  cacheWrite5mTokens: StoredInteger,
  cacheWrite1hTokens: StoredInteger,
  outputTokens: StoredInteger,
  reasoningTokens: StoredInteger,
  inferenceGeo: z.string().nullable(),
  serviceTier: z.string().nullable(),
  batch: StoredBoolean,
  discount: z.enum(DISCOUNTS).nullable(),
  costUsd: StoredUsd,
  deepCostUsd: StoredUsd,
  cacheSavedUsd: StoredUsd,
  priceVersion: z.string().nullable(),
  outcome: z.enum(OUTCOME_VALUES),
  riskScore: z.number().nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  size: z.enum(SIZES).nullable(),
  reason: z.string(),
  error: z.string().nullable(),
  startedAt: StoredTimestamp,
  finishedAt: StoredTimestamp,
});

const FIELDS = Object.keys(COLUMN_OF) as (keyof LedgerEntry)[];

/** `2026-11-21T10:00:00.000Z` for any timestamp or date JavaScript can read; throws otherwise. */
export const toIsoTimestamp = (value: string | Date, what: string): string => {
  const date = value instanceof Date ? value : parseTimestamp(value);
  if (date === null || Number.isNaN(date.getTime())) {
    throw new RangeError(
      `${what} is not a date or timestamp: ${JSON.stringify(value)}. Use ISO 8601, e.g. 2026-11-21 or 2026-11-21T10:00:00Z`,
    );
  }
  return date.toISOString();
};

/** `INSERT INTO review_attempts (…) VALUES (?, …)`, quoted (`trigger` is a keyword). */
export const INSERT_ATTEMPT = `INSERT INTO review_attempts (${FIELDS.map((field) => `"${COLUMN_OF[field]}"`).join(', ')})
  VALUES (${FIELDS.map(() => '?').join(', ')})`;

/** The select list that names each column after its field, for LedgerRowSchema. */
export const ATTEMPT_FIELDS = [
  'id AS "id"',
  ...FIELDS.map((f) => `"${COLUMN_OF[f]}" AS "${f}"`),
].join(', ');

/** The values to bind, in INSERT_ATTEMPT's order: timestamps in UTC, dollars in nano-dollars. */
export const toColumnValues = (entry: LedgerEntry): SqlValue[] =>
  FIELDS.map((field) => {
    if (field === 'startedAt' || field === 'finishedAt') return toIsoTimestamp(entry[field], field);
    if (field === 'costUsd' || field === 'deepCostUsd' || field === 'cacheSavedUsd')
      return toNanos(entry[field], field);
    // 1 and 0 are booleans to both: SQLite has no other, and Postgres reads '1' and '0' as such.
    if (field === 'batch') return entry.batch ? 1 : 0;
    return entry[field] ?? null;
  });

/** `list`'s limit, checked before it reaches SQL. */
export const checkLimit = (limit: number): number => {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a whole number of at least 1, got ${limit}`);
  return limit;
};

export interface Where {
  /** Conditions joined by AND; `TRUE` for none, so more can be added. */
  readonly sql: string;
  readonly params: SqlValue[];
}

/**
 * The conditions of a filter: since inclusive, until exclusive, both on started_at. The repository
 * compares case-insensitively, as GitHub names it (`Acme/API` is `acme/api`), along the index on
 * `lower(repo)`.
 */
export const buildWhere = (filter: LedgerListFilter): Where => {
  const conditions: [string, SqlValue][] = [];
  if (filter.repo !== undefined) conditions.push(['lower(repo) = lower(?)', filter.repo]);
  if (filter.pr !== undefined) conditions.push(['pr = ?', filter.pr]);
  if (filter.since !== undefined) {
    conditions.push(['started_at >= ?', toIsoTimestamp(filter.since, 'since')]);
  }
  if (filter.until !== undefined) {
    conditions.push(['started_at < ?', toIsoTimestamp(filter.until, 'until')]);
  }
  return {
    sql: conditions.length === 0 ? '1 = 1' : conditions.map(([test]) => test).join(' AND '),
    params: conditions.map(([, value]) => value),
  };
};
