/**
 * The values the ledger accepts back from a database, column by column. The executors read
 * integers as numbers and timestamps as UTC ISO text on both databases.
 */
import { z } from 'zod';
import type { RiskLevel, SizeClass } from '../domain/classification.js';
import type { Outcome } from '../domain/ledger-entry.js';
import type { Discount } from '../domain/usage.js';
import type { RouteTier } from '../domain/review-job.js';
import { fromNanos } from './money.js';

/** The ledger accepts exactly the providers and triggers the domain names. */
export { PROVIDER_IDS as PROVIDERS } from '../domain/policy.js';
export { TRIGGERS } from '../domain/review-job.js';

/** Every member of the union `T`, checked by the compiler, so a new one cannot be forgotten here. */
const every =
  <T extends string>() =>
  <const A extends readonly [T, ...T[]]>(values: A & ([T] extends [A[number]] ? unknown : never)) =>
    values;

export const TIERS = every<RouteTier>()(['skip', 'fast', 'deep']);
export const OUTCOME_VALUES = every<Outcome>()([
  'posted',
  'skipped',
  'failed',
  'superseded',
  'escalated',
]);
export const DISCOUNTS = every<Discount>()(['flex', 'batch']);
export const RISK_LEVELS = every<RiskLevel>()(['low', 'medium', 'high', 'critical']);
export const SIZES = every<SizeClass>()(['XS', 'S', 'M', 'L', 'XL']);

const INTEGER_TEXT = /^-?\d+$/;
/** What `toIsoTimestamp` writes and what the executors read timestamps as. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A whole number (the executors read int8 as a number while it is exact). */
export const StoredInteger = z.int();

/** A boolean: Postgres reads true or false, SQLite stores 1 or 0. */
export const StoredBoolean = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform(Boolean);

/** Integer nano-dollars, read as dollars. */
export const StoredUsd = z.int().transform(fromNanos);

/** A sum of nano-dollars as text (exact however large), read as dollars. */
export const StoredUsdSum = z.string().regex(INTEGER_TEXT).transform(fromNanos);

/** A UTC ISO timestamp with milliseconds, as the ledger writes them. */
export const StoredTimestamp = z.string().regex(ISO_UTC);
