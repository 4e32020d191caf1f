/**
 * The feedback on posted findings over SQL, for every database. Each change of a pull request's
 * findings runs in one transaction under that pull request's lock, so a push, a thread event and
 * the close can arrive in any order and twice without counting anything twice.
 */
import type { FindingSignal } from '../domain/finding-feedback.js';
import type { FindingFeedback, OutcomeChange } from '../feedback/types.js';
import {
  FEEDBACK_COLUMNS,
  feedbackValues,
  findingKey,
  SignalRowSchema,
  toFindingRecord,
} from './finding-feedback-columns.js';
import { groupFindings, listFindings } from './finding-feedback-reports.js';
import { toIsoTimestamp } from './ledger-columns.js';
import type { SqlExecutor, SqlValue } from './sql/types.js';
import { z } from 'zod';

const lockOf = (key: { repo: string; pr: number }): string[] => [
  'finding_feedback',
  `${key.repo}#${key.pr}`,
];

const addSignals = async (
  tx: SqlExecutor,
  key: { repo: string; pr: number; fingerprint: string },
  signals: readonly { signal: FindingSignal; source: 'event' | 'close' }[],
  at: string,
): Promise<void> => {
  if (signals.length === 0) return;
  await tx.run(
    `INSERT INTO finding_signals (repo, pr, fingerprint, signal, source, seen_at)
     VALUES ${signals.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (repo, pr, fingerprint, signal, source) DO NOTHING`,
    signals.flatMap(({ signal, source }): SqlValue[] => [
      key.repo,
      key.pr,
      key.fingerprint,
      signal,
      source,
      at,
    ]),
  );
};

const SettledSchema = z.object({
  fingerprint: z.string(),
  tier: z.enum(['fast', 'deep']),
  settled_outcome: z.enum(['acted-on', 'dismissed', 'no-signal']).nullable(),
});

export const createFindingFeedback = (db: SqlExecutor): FindingFeedback => ({
  async recordFindings(findings) {
    if (findings.length === 0) return;
    await db.run(
      `INSERT INTO finding_feedback (${FEEDBACK_COLUMNS.join(', ')})
       VALUES ${findings.map(() => `(${FEEDBACK_COLUMNS.map(() => '?').join(', ')})`).join(', ')}
       ON CONFLICT (repo, pr, fingerprint) DO NOTHING`,
      findings.flatMap(feedbackValues),
    );
  },

  async listPullFindings(key) {
    const rows = await db.query(
      'SELECT * FROM finding_feedback f WHERE repo = ? AND pr = ? ORDER BY posted_at, fingerprint',
      [key.repo, key.pr],
    );
    const signals = await db.query(
      'SELECT repo, pr, fingerprint, signal FROM finding_signals WHERE repo = ? AND pr = ?',
      [key.repo, key.pr],
    );
    const byFinding = new Map<string, Set<FindingSignal>>();
    for (const row of signals) {
      const signal = SignalRowSchema.parse(row);
      const found = byFinding.get(findingKey(signal)) ?? new Set<FindingSignal>();
      found.add(signal.signal);
      byFinding.set(findingKey(signal), found);
    }
    return rows.map((row) => toFindingRecord(row, (k) => byFinding.get(k)));
  },

  async followPush(push) {
    const at = toIsoTimestamp(push.at, 'at');
    await db.transaction(lockOf(push), async (tx) => {
      for (const finding of push.findings) {
        const moved = await tx.run(
          `UPDATE finding_feedback SET tracked_sha = ?, tracked_line = ?, tracked_start_line = ?,
             tracked_path = COALESCE(?, tracked_path)
           WHERE repo = ? AND pr = ? AND fingerprint = ? AND tracked_sha = ?`,
          [
            finding.tracked.sha,
            finding.tracked.line,
            finding.tracked.startLine,
            finding.tracked.path ?? null,
            push.repo,
            push.pr,
            finding.fingerprint,
            push.base,
          ],
        );
        // A push followed before (a redelivery, a retried job) moved nothing: it adds nothing.
        if (moved === 1) {
          const signals = finding.signals.map((signal) => ({ signal, source: 'event' as const }));
          await addSignals(tx, { ...push, fingerprint: finding.fingerprint }, signals, at);
        }
      }
    });
  },

  async noteSignal(note) {
    if (note.fingerprints.length === 0) return;
    await db.run(
      `INSERT INTO finding_signals (repo, pr, fingerprint, signal, source, seen_at)
       SELECT repo, pr, fingerprint, ?, 'event', ? FROM finding_feedback
       WHERE repo = ? AND pr = ? AND fingerprint IN (${note.fingerprints.map(() => '?').join(', ')})
       ON CONFLICT (repo, pr, fingerprint, signal, source) DO NOTHING`,
      [note.signal, toIsoTimestamp(note.at, 'at'), note.repo, note.pr, ...note.fingerprints],
    );
  },

  async settleFindings(settle) {
    const at = toIsoTimestamp(settle.at, 'at');
    return db.transaction(lockOf(settle), async (tx) => {
      const before = new Map(
        (
          await tx.query(
            'SELECT fingerprint, tier, settled_outcome FROM finding_feedback WHERE repo = ? AND pr = ?',
            [settle.repo, settle.pr],
          )
        ).map((row) => {
          const parsed = SettledSchema.parse(row);
          return [parsed.fingerprint, parsed] as const;
        }),
      );
      // What was read at the last close is replaced by what is read now.
      await tx.run("DELETE FROM finding_signals WHERE repo = ? AND pr = ? AND source = 'close'", [
        settle.repo,
        settle.pr,
      ]);
      const changes: OutcomeChange[] = [];
      for (const { fingerprint, outcome, closeSignals } of settle.settlements) {
        const known = before.get(fingerprint);
        if (known === undefined) continue;
        await tx.run(
          `UPDATE finding_feedback SET outcome = ?, settled_outcome = ?, settled_at = ?
           WHERE repo = ? AND pr = ? AND fingerprint = ?`,
          [outcome, outcome, at, settle.repo, settle.pr, fingerprint],
        );
        const signals = closeSignals.map((signal) => ({ signal, source: 'close' as const }));
        await addSignals(tx, { ...settle, fingerprint }, signals, at);
        if (known.settled_outcome !== outcome) changes.push({ tier: known.tier, outcome });
      }
      return changes;
    });
  },

  async reopenFindings(key) {
    await db.run("UPDATE finding_feedback SET outcome = 'open' WHERE repo = ? AND pr = ?", [
      key.repo,
      key.pr,
    ]);
  },

  listFindings: (filter) => listFindings(db, filter),
  groupFindings: (filter, groupBy) => groupFindings(db, filter, groupBy),
});
