/** How PullState and PostedFinding map to the `pr_state` and `posted_findings` tables, for every store. */
import { toIsoTimestamp } from './ledger-columns.js';
import type { PostedFinding, PullState, PullStateUpdate } from './types.js';

type Value = string | number | null;

/** A row as a driver returns it: SQLite gives numbers and text, pg gives int8 as text and Date. */
export type StoredPullRecord = { readonly [column: string]: unknown };

/**
 * `INSERT … ON CONFLICT (repo, pr) DO UPDATE` that sets only the fields the update names, with the
 * driver's placeholder style. Both SQLite (3.35+) and Postgres accept it, with RETURNING.
 */
export const buildPullStateUpsert = (
  update: PullStateUpdate,
  placeholder: (position: number) => string,
): { sql: string; values: Value[] } => {
  const set: [string, Value][] = [['updated_at', toIsoTimestamp(update.at, 'at')]];
  if (update.lastReviewedSha !== undefined) set.push(['last_reviewed_sha', update.lastReviewedSha]);
  if (update.skip !== undefined) {
    set.push(['skipped_by', update.skip?.by ?? null]);
    set.push(['skipped_comment_id', update.skip?.commentId ?? null]);
  }
  if (update.summaryReviewId !== undefined) set.push(['summary_review_id', update.summaryReviewId]);
  const columns = ['repo', 'pr', ...set.map(([column]) => column)];
  const values: Value[] = [update.repo, update.pr, ...set.map(([, value]) => value)];
  return {
    sql:
      `INSERT INTO pr_state (${columns.join(', ')}) ` +
      `VALUES (${values.map((_, index) => placeholder(index + 1)).join(', ')}) ` +
      `ON CONFLICT (repo, pr) DO UPDATE SET ` +
      `${set.map(([column]) => `${column} = excluded.${column}`).join(', ')} RETURNING *`,
    values,
  };
};

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

export const toPullState = (record: StoredPullRecord): PullState => {
  const by = strOrNull(record.skipped_by);
  return {
    repo: str(record.repo),
    pr: Number(record.pr),
    lastReviewedSha: strOrNull(record.last_reviewed_sha),
    skip: by === null ? null : { by, commentId: Number(record.skipped_comment_id ?? 0) },
    summaryReviewId: numOrNull(record.summary_review_id),
    updatedAt: iso(record.updated_at),
  };
};

export const POSTED_FINDING_COLUMNS =
  'repo, pr, fingerprint, review_id, head_sha, created_at' as const;

export const postedFindingValues = (finding: PostedFinding): Value[] => [
  finding.repo,
  finding.pr,
  finding.fingerprint,
  finding.reviewId,
  finding.headSha,
  toIsoTimestamp(finding.createdAt, 'createdAt'),
];

export const toPostedFinding = (record: StoredPullRecord): PostedFinding => ({
  repo: str(record.repo),
  pr: Number(record.pr),
  fingerprint: str(record.fingerprint),
  reviewId: numOrNull(record.review_id),
  headSha: str(record.head_sha),
  createdAt: iso(record.created_at),
});
