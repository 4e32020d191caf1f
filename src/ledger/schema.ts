/**
 * What the ledger accepts back from a database. Every row is parsed here on its way out; the
 * executors read integers as numbers and timestamps as UTC ISO text on both databases.
 */
import { z } from 'zod';
import type { RiskLevel, SizeClass } from '../domain/classification.js';
import type { LedgerRow, Outcome } from '../domain/ledger-entry.js';
import type { ProviderId } from '../domain/policy.js';
import type { RouteTier, Trigger } from '../domain/review-job.js';
import { fromNanos } from './money.js';
import type { PostedFinding, PullState } from './types.js';

/** Every member of the union `T`, checked by the compiler, so a new one cannot be forgotten here. */
const every =
  <T extends string>() =>
  <const A extends readonly [T, ...T[]]>(values: A & ([T] extends [A[number]] ? unknown : never)) =>
    values;

const TRIGGERS = every<Trigger>()([
  'opened',
  'reopened',
  'synchronize',
  'ready_for_review',
  'labeled',
  'command',
]);
const TIERS = every<RouteTier>()(['skip', 'fast', 'deep']);
const PROVIDERS = every<ProviderId>()(['openai', 'anthropic']);
const OUTCOME_VALUES = every<Outcome>()(['posted', 'skipped', 'failed', 'superseded', 'escalated']);
const RISK_LEVELS = every<RiskLevel>()(['low', 'medium', 'high', 'critical']);
const SIZES = every<SizeClass>()(['XS', 'S', 'M', 'L', 'XL']);

const INTEGER_TEXT = /^-?\d+$/;
/** What `toIsoTimestamp` writes and what the executors read timestamps as. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A whole number (the executors read int8 as a number while it is exact). */
export const StoredInteger = z.int();

/** Integer nano-dollars, read as dollars. */
export const StoredUsd = z.int().transform(fromNanos);

/** A sum of nano-dollars as text (exact however large), read as dollars. */
export const StoredUsdSum = z.string().regex(INTEGER_TEXT).transform(fromNanos);

/** A UTC ISO timestamp with milliseconds, as the ledger writes them. */
export const StoredTimestamp = z.string().regex(ISO_UTC);

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
  costUsd: StoredUsd,
  deepCostUsd: StoredUsd,
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

export const PullStateSchema: z.ZodType<PullState, unknown> = z
  .object({
    repo: z.string(),
    pr: StoredInteger,
    last_reviewed_sha: z.string().nullable(),
    skipped_by: z.string().nullable(),
    skipped_comment_id: StoredInteger.nullable(),
    summary_review_id: StoredInteger.nullable(),
    updated_at: StoredTimestamp,
  })
  .transform((row) => ({
    repo: row.repo,
    pr: row.pr,
    lastReviewedSha: row.last_reviewed_sha,
    skip:
      row.skipped_by === null
        ? null
        : { by: row.skipped_by, commentId: row.skipped_comment_id ?? 0 },
    summaryReviewId: row.summary_review_id,
    updatedAt: row.updated_at,
  }));

export const PostedFindingSchema: z.ZodType<PostedFinding, unknown> = z
  .object({
    repo: z.string(),
    pr: StoredInteger,
    fingerprint: z.string(),
    review_id: StoredInteger.nullable(),
    head_sha: z.string(),
    created_at: StoredTimestamp,
  })
  .transform((row) => ({
    repo: row.repo,
    pr: row.pr,
    fingerprint: row.fingerprint,
    reviewId: row.review_id,
    headSha: row.head_sha,
    createdAt: row.created_at,
  }));

/** The sums one group of review attempts adds up to, as `aggregate` selects them. */
export const StoredTotals = z.object({
  reviews: StoredInteger,
  costNanos: z.string().regex(INTEGER_TEXT),
  deepCostNanos: z.string().regex(INTEGER_TEXT),
  savedNanos: z.string().regex(INTEGER_TEXT),
});

/** Who holds a review claim. */
export const ClaimHolderSchema = z.object({
  state: z.enum(['running', 'posted']),
  delivery_id: z.string(),
});
