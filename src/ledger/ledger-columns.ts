/** How a LedgerEntry maps to the `review_attempts` columns, shared by every store. */
import type { RiskLevel, SizeClass } from '../domain/classification.js';
import type { LedgerEntry, LedgerRow, Outcome } from '../domain/ledger-entry.js';
import type { ProviderId } from '../domain/policy.js';
import type { RouteTier, Trigger } from '../domain/review-job.js';
import type { LedgerListFilter } from './types.js';

/** Entry fields and their snake_case columns, in table order. */
export const LEDGER_COLUMNS = [
  ['deliveryId', 'delivery_id'],
  ['installationId', 'installation_id'],
  ['repo', 'repo'],
  ['pr', 'pr'],
  ['headSha', 'head_sha'],
  ['trigger', 'trigger'],
  ['tier', 'tier'],
  ['provider', 'provider'],
  ['model', 'model'],
  ['inputTokens', 'input_tokens'],
  ['cachedInputTokens', 'cached_input_tokens'],
  ['cacheWriteTokens', 'cache_write_tokens'],
  ['cacheWrite5mTokens', 'cache_write_5m_tokens'],
  ['cacheWrite1hTokens', 'cache_write_1h_tokens'],
  ['outputTokens', 'output_tokens'],
  ['reasoningTokens', 'reasoning_tokens'],
  ['inferenceGeo', 'inference_geo'],
  ['costUsd', 'cost_usd'],
  ['deepCostUsd', 'deep_cost_usd'],
  ['priceVersion', 'price_version'],
  ['outcome', 'outcome'],
  ['riskScore', 'risk_score'],
  ['riskLevel', 'risk_level'],
  ['size', 'size'],
  ['reason', 'reason'],
  ['error', 'error'],
  ['startedAt', 'started_at'],
  ['finishedAt', 'finished_at'],
] as const satisfies readonly (readonly [keyof LedgerEntry, string])[];

/** Quoted column names for an INSERT (`trigger` is a keyword). */
export const COLUMN_LIST = LEDGER_COLUMNS.map(([, column]) => `"${column}"`).join(', ');

/** `2026-11-21T10:00:00.000Z` for any timestamp or date JavaScript can read; throws otherwise. */
export const toIsoTimestamp = (value: string | Date, what: string): string => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(
      `${what} is not a date or timestamp: ${JSON.stringify(value)}. Use ISO 8601, e.g. 2026-11-21 or 2026-11-21T10:00:00Z`,
    );
  }
  return date.toISOString();
};

/** The values to bind, in LEDGER_COLUMNS order, with timestamps normalised to UTC. */
export const toColumnValues = (entry: LedgerEntry): (string | number | null)[] =>
  LEDGER_COLUMNS.map(([field]) =>
    field === 'startedAt' || field === 'finishedAt'
      ? toIsoTimestamp(entry[field], field)
      : entry[field],
  );

/**
 * The WHERE clause for a filter (since inclusive, until exclusive, both on started_at), with the
 * driver's placeholder style: `?` for SQLite, `$1` for Postgres.
 */
export const buildWhere = (
  filter: LedgerListFilter,
  placeholder: (position: number) => string,
): { where: string; values: (string | number)[] } => {
  const conditions: [string, string | number][] = [];
  if (filter.repo !== undefined) conditions.push(['repo =', filter.repo]);
  if (filter.pr !== undefined) conditions.push(['pr =', filter.pr]);
  if (filter.since !== undefined) {
    conditions.push(['started_at >=', toIsoTimestamp(filter.since, 'since')]);
  }
  if (filter.until !== undefined) {
    conditions.push(['started_at <', toIsoTimestamp(filter.until, 'until')]);
  }
  if (conditions.length === 0) return { where: '', values: [] };
  return {
    where: `WHERE ${conditions.map(([test], index) => `${test} ${placeholder(index + 1)}`).join(' AND ')}`,
    values: conditions.map(([, value]) => value),
  };
};

type Column = (typeof LEDGER_COLUMNS)[number][1];
/** A row as a driver returns it: SQLite gives numbers and text, pg gives int8 as text and Date. */
export type StoredRecord = { readonly [column in Column | 'id']?: unknown };

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const str = (value: unknown): string => {
  if (typeof value !== 'string')
    throw new TypeError(`expected text in the ledger, got ${typeof value}`);
  return value;
};
const strOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : str(value);
const iso = (value: unknown): string => toIsoTimestamp(value as string | Date, 'stored timestamp');

export const toLedgerRow = (record: StoredRecord): LedgerRow => ({
  id: num(record.id),
  deliveryId: str(record.delivery_id),
  installationId: num(record.installation_id),
  repo: str(record.repo),
  pr: num(record.pr),
  headSha: str(record.head_sha),
  trigger: str(record.trigger) as Trigger,
  tier: str(record.tier) as RouteTier,
  provider: strOrNull(record.provider) as ProviderId | null,
  model: strOrNull(record.model),
  inputTokens: num(record.input_tokens),
  cachedInputTokens: num(record.cached_input_tokens),
  cacheWriteTokens: num(record.cache_write_tokens),
  cacheWrite5mTokens: num(record.cache_write_5m_tokens),
  cacheWrite1hTokens: num(record.cache_write_1h_tokens),
  outputTokens: num(record.output_tokens),
  reasoningTokens: num(record.reasoning_tokens),
  inferenceGeo: strOrNull(record.inference_geo),
  costUsd: num(record.cost_usd),
  deepCostUsd: num(record.deep_cost_usd),
  priceVersion: strOrNull(record.price_version),
  outcome: str(record.outcome) as Outcome,
  riskScore: numOrNull(record.risk_score),
  riskLevel: strOrNull(record.risk_level) as RiskLevel | null,
  size: strOrNull(record.size) as SizeClass | null,
  reason: str(record.reason),
  error: strOrNull(record.error),
  startedAt: iso(record.started_at),
  finishedAt: iso(record.finished_at),
});
