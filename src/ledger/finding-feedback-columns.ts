/**
 * How a posted finding maps to the `finding_feedback` table, and how its rows and signals are
 * validated on their way out.
 */
import { z } from 'zod';
import {
  FINDING_OUTCOMES,
  FINDING_SIGNALS,
  type FindingRecord,
  type FindingSignal,
  type PostedFindingRecord,
} from '../domain/finding-feedback.js';
import { SEVERITIES } from '../domain/model-answer.js';
import type { FindingFilter } from '../feedback/types.js';
import { toIsoTimestamp, type Where } from './ledger-columns.js';
import { toNanos } from './money.js';
import type { SqlValue } from './sql/types.js';
import { PROVIDERS, StoredInteger, StoredTimestamp, StoredUsd } from './stored-values.js';

export const FEEDBACK_COLUMNS = [
  'repo',
  'pr',
  'fingerprint',
  'delivery_id',
  'review_id',
  'path',
  'line',
  'start_line',
  'side',
  'tier',
  'provider',
  'model',
  'category',
  'severity',
  'suggestion',
  'cost_nanos',
  'posted_at',
  'tracked_sha',
  'tracked_line',
  'tracked_start_line',
  'tracked_path',
] as const;

/** The values to bind, in FEEDBACK_COLUMNS' order. */
export const feedbackValues = (finding: PostedFindingRecord): SqlValue[] => [
  finding.repo,
  finding.pr,
  finding.fingerprint,
  finding.deliveryId,
  finding.reviewId,
  finding.path,
  finding.line,
  finding.startLine,
  finding.side,
  finding.tier,
  finding.provider,
  finding.model,
  finding.category,
  finding.severity,
  finding.suggestion,
  toNanos(finding.costUsd, 'costUsd'),
  toIsoTimestamp(finding.postedAt, 'postedAt'),
  finding.tracked.sha,
  finding.tracked.line,
  finding.tracked.startLine,
  finding.tracked.path ?? null,
];

const RowSchema = z.object({
  repo: z.string(),
  pr: StoredInteger,
  fingerprint: z.string(),
  delivery_id: z.string(),
  review_id: StoredInteger,
  path: z.string(),
  line: StoredInteger,
  start_line: StoredInteger.nullable(),
  side: z.enum(['LEFT', 'RIGHT']),
  tier: z.enum(['fast', 'deep']),
  provider: z.enum(PROVIDERS),
  model: z.string(),
  category: z.string(),
  severity: z.enum(SEVERITIES as ['info', 'warning', 'error', 'critical']),
  suggestion: z.string().nullable(),
  cost_nanos: StoredUsd,
  posted_at: StoredTimestamp,
  tracked_sha: z.string(),
  tracked_line: StoredInteger,
  tracked_start_line: StoredInteger.nullable(),
  tracked_path: z.string().nullable(),
  outcome: z.enum(FINDING_OUTCOMES as ['open', 'acted-on', 'dismissed', 'no-signal']),
  settled_at: StoredTimestamp.nullable(),
});

export const SignalRowSchema = z.object({
  repo: z.string(),
  pr: StoredInteger,
  fingerprint: z.string(),
  signal: z.enum(FINDING_SIGNALS as [FindingSignal, ...FindingSignal[]]),
});

/** The key of one finding, to find its signals. */
export const findingKey = (row: { repo: string; pr: number; fingerprint: string }): string =>
  `${row.repo}#${row.pr}#${row.fingerprint}`;

/** A stored row and its signals (in FINDING_SIGNALS' order, each once) as a FindingRecord. */
export const toFindingRecord = (
  row: unknown,
  signalsOf: (key: string) => ReadonlySet<FindingSignal> | undefined,
): FindingRecord => {
  const r = RowSchema.parse(row);
  const signals = signalsOf(findingKey(r)) ?? new Set();
  return {
    repo: r.repo,
    pr: r.pr,
    fingerprint: r.fingerprint,
    deliveryId: r.delivery_id,
    reviewId: r.review_id,
    path: r.path,
    line: r.line,
    startLine: r.start_line,
    side: r.side,
    tier: r.tier,
    provider: r.provider,
    model: r.model,
    category: r.category,
    severity: r.severity,
    suggestion: r.suggestion,
    costUsd: r.cost_nanos,
    postedAt: r.posted_at,
    tracked: {
      sha: r.tracked_sha,
      line: r.tracked_line,
      startLine: r.tracked_start_line,
      ...(r.tracked_path === null ? {} : { path: r.tracked_path }),
    },
    outcome: r.outcome,
    signals: FINDING_SIGNALS.filter((signal) => signals.has(signal)),
    settledAt: r.settled_at,
  };
};

/**
 * The conditions of a findings filter on the table aliased `f`: posted_at in [since, until), the
 * repository compared case-insensitively, as GitHub names it.
 */
export const buildFindingWhere = (filter: FindingFilter & { readonly pr?: number }): Where => {
  const conditions: [string, SqlValue][] = [];
  if (filter.repo !== undefined) conditions.push(['lower(f.repo) = lower(?)', filter.repo]);
  if (filter.pr !== undefined) conditions.push(['f.pr = ?', filter.pr]);
  if (filter.since !== undefined)
    conditions.push(['f.posted_at >= ?', toIsoTimestamp(filter.since, 'since')]);
  if (filter.until !== undefined)
    conditions.push(['f.posted_at < ?', toIsoTimestamp(filter.until, 'until')]);
  return {
    sql: conditions.length === 0 ? '1 = 1' : conditions.map(([test]) => test).join(' AND '),
    params: conditions.map(([, value]) => value),
  };
};
