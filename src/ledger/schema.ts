/**
 * What the ledger accepts back from a database: every row is parsed here (or, for a review
 * attempt, in ledger-columns.ts) on its way out, never cast.
 */
import { z } from 'zod';
import type { PostedFinding, PullState } from './types.js';
import { StoredInteger, StoredTimestamp } from './stored-values.js';

export { LedgerRowSchema } from './ledger-columns.js';
export { StoredInteger, StoredTimestamp, StoredUsd, StoredUsdSum } from './stored-values.js';

export const PullStateSchema: z.ZodType<PullState, unknown> = z
  .object({
    repo: z.string(),
    pr: StoredInteger,
    last_reviewed_sha: z.string().nullable(),
    last_reviewed_base: z.string().nullable(),
    skipped_by: z.string().nullable(),
    skipped_comment_id: StoredInteger.nullable(),
    summary_review_id: StoredInteger.nullable(),
    updated_at: StoredTimestamp,
  })
  .transform((row) => ({
    repo: row.repo,
    pr: row.pr,
    lastReviewedSha: row.last_reviewed_sha,
    lastReviewedBase: row.last_reviewed_base,
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
  costNanos: z.string().regex(/^-?\d+$/),
  deepCostNanos: z.string().regex(/^-?\d+$/),
  savedNanos: z.string().regex(/^-?\d+$/),
});

/** Who holds a review claim. */
export const ClaimHolderSchema = z.object({
  state: z.enum(['running', 'posted']),
  delivery_id: z.string(),
});

/** A claim taken over: the check run its earlier holder opened, if it opened one. */
export const TakenClaimSchema = z.object({ check_id: StoredInteger.nullable() });
