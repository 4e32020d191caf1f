/** The reports over posted findings: every finding with its signals, and groups added up in SQL. */
import { z } from 'zod';
import type { FindingRecord, FindingSignal } from '../domain/finding-feedback.js';
import {
  FINDING_GROUP_KEYS,
  type FindingFilter,
  type FindingGroup,
  type FindingGroupKey,
} from '../feedback/types.js';
import {
  buildFindingWhere,
  findingKey,
  SignalRowSchema,
  toFindingRecord,
} from './finding-feedback-columns.js';
import type { SqlExecutor } from './sql/types.js';
import { StoredInteger, StoredUsdSum } from './stored-values.js';

export const listFindings = async (
  db: SqlExecutor,
  filter: FindingFilter,
): Promise<FindingRecord[]> => {
  const where = buildFindingWhere(filter);
  const rows = await db.query(
    `SELECT * FROM finding_feedback f WHERE ${where.sql}
     ORDER BY f.posted_at DESC, f.repo, f.pr, f.fingerprint`,
    where.params,
  );
  const signals = await db.query(
    `SELECT s.repo, s.pr, s.fingerprint, s.signal FROM finding_signals s
     JOIN finding_feedback f ON f.repo = s.repo AND f.pr = s.pr AND f.fingerprint = s.fingerprint
     WHERE ${where.sql}`,
    where.params,
  );
  const byFinding = new Map<string, Set<FindingSignal>>();
  for (const row of signals) {
    const signal = SignalRowSchema.parse(row);
    const key = findingKey(signal);
    byFinding.set(key, (byFinding.get(key) ?? new Set<FindingSignal>()).add(signal.signal));
  }
  return rows.map((row) => toFindingRecord(row, (key) => byFinding.get(key)));
};

const TotalsSchema = z.object({
  findings: StoredInteger,
  acted_on: StoredInteger,
  dismissed: StoredInteger,
  no_signal: StoredInteger,
  open: StoredInteger,
  cost_nanos: StoredUsdSum,
  settled_cost_nanos: StoredUsdSum,
});

const countOf = (outcome: string, alias: string) =>
  `COALESCE(SUM(CASE WHEN f.outcome = '${outcome}' THEN 1 ELSE 0 END), 0) AS ${alias}`;

export const groupFindings = async (
  db: SqlExecutor,
  filter: FindingFilter,
  groupBy: readonly FindingGroupKey[],
): Promise<FindingGroup[]> => {
  for (const key of groupBy) {
    if (!FINDING_GROUP_KEYS.includes(key))
      throw new RangeError(
        `cannot group findings by ${JSON.stringify(key)}: use ${FINDING_GROUP_KEYS.join(', ')}`,
      );
  }
  const where = buildFindingWhere(filter);
  const keys = groupBy.map((key) => `f.${key}`);
  const rows = await db.query(
    `SELECT ${[...keys.map((key, i) => `${key} AS k${i}`), 'COUNT(*) AS findings'].join(', ')},
       ${countOf('acted-on', 'acted_on')}, ${countOf('dismissed', 'dismissed')},
       ${countOf('no-signal', 'no_signal')}, ${countOf('open', 'open')},
       CAST(COALESCE(SUM(f.cost_nanos), 0) AS text) AS cost_nanos,
       CAST(COALESCE(SUM(CASE WHEN f.outcome = 'open' THEN 0 ELSE f.cost_nanos END), 0) AS text)
         AS settled_cost_nanos
     FROM finding_feedback f WHERE ${where.sql}
     ${keys.length === 0 ? '' : `GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}`}`,
    where.params,
  );
  return rows
    .map((row) => {
      const totals = TotalsSchema.parse(row);
      return {
        key: Object.fromEntries(groupBy.map((key, i) => [key, String(row[`k${i}`])])),
        findings: totals.findings,
        actedOn: totals.acted_on,
        dismissed: totals.dismissed,
        noSignal: totals.no_signal,
        open: totals.open,
        costUsd: totals.cost_nanos,
        settledCostUsd: totals.settled_cost_nanos,
      };
    })
    .filter((group) => group.findings > 0);
};
