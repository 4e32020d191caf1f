import { callTier } from '../review/call-tier.js';
import type { TierPlan } from '../review/plan-tiers.js';
import { describeDeadline } from '../review/review-deadline.js';
import type { TierAnswer, TierCallDeps, TierCallSubject } from '../review/tier-call.js';
import type { ReviewKey } from '../ledger/types.js';
import { mayEscalate } from './may-escalate.js';
import type { BudgetDeps } from './reserve-budget.js';
import { answerRow, type Holdings } from './review-holdings.js';
import { stoppedMidCall, unlessStopped } from './stopped-mid-call.js';

export interface EscalateOptions {
  readonly subject: TierCallSubject;
  readonly deepPlan: TierPlan;
  readonly deepKey: ReviewKey;
  /** Takes the deep tier's claim for this delivery. */
  readonly claimDeep: () => Promise<boolean>;
  readonly budget: BudgetDeps;
  readonly tier: TierCallDeps;
  /** The job's: a shutdown during the deep call records it at its estimate and hands the job back. */
  readonly signal?: AbortSignal;
  /** The price table's version, for that estimated row. */
  readonly priceVersion: string;
}

/** The answer to post, with the escalation and notes its summary shows; or what stopped it. */
export type Escalated =
  | {
      readonly ok: true;
      readonly held: Holdings;
      readonly result: TierAnswer;
      readonly escalation: { readonly reason: string; readonly fastCostUsd: number } | null;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly held: Holdings; readonly error: unknown };

/**
 * When the fast model asks for a deep review and the policy, the budget and the deadline allow
 * it, claims the deep tier and asks the deep model; its answer replaces the fast one, which is
 * then recorded as escalated. Otherwise the fast answer is posted, with a note that says why.
 */
export const escalateIfAsked = async (
  start: Holdings,
  fast: TierAnswer,
  options: EscalateOptions,
): Promise<Escalated> => {
  let held = start;
  const keep = (notes: string[] = []): Escalated => ({
    ok: true,
    held,
    result: fast,
    escalation: null,
    notes,
  });
  try {
    const may = await mayEscalate(
      options.subject,
      fast,
      {
        deep: options.deepPlan,
        reservationId: held.reservationId,
        paidUsd: held.attempts.reduce((sum, attempt) => sum + (attempt.costUsd ?? 0), 0),
      },
      options.budget,
    );
    if (!may.allowed) return keep(may.note === null ? [] : [may.note]);
    // The bigger reservation replaced the fast review's: whichever is held at the end is released.
    held = { ...held, reservationId: may.reservationId };
    const { deadline } = options.tier;
    if (deadline.passed()) {
      return keep([
        `The fast model asked for a deep review, but ${describeDeadline(deadline)} had passed, so the deep review was not started; the fast review is posted.`,
      ]);
    }
    if (!(await options.claimDeep())) return keep();
    held = { ...held, claims: [...held.claims, options.deepKey] };
    const reason = fast.answer.escalate.reason || 'the fast model asked for a deep review';
    const deepChoice = {
      tier: 'deep' as const,
      model: options.subject.policy.models.deep,
      reason: `escalated: ${reason}`,
      budgetNote: fast.choice.budgetNote,
      trim: options.deepPlan.trim,
    };
    const call = callTier(options.subject, deepChoice, options.tier);
    const raced =
      options.signal === undefined
        ? { stopped: false as const, value: await call }
        : await unlessStopped(call, options.signal);
    if (raced.stopped) {
      // The fast answer stays unposted (the finishing step records it); the deep call in flight
      // is recorded at what the budget held for it.
      const estimate = {
        usd: options.deepPlan.usd,
        deepUsd: options.deepPlan.usd,
        priceVersion: options.priceVersion,
      };
      held = { ...held, attempts: [...held.attempts, stoppedMidCall(deepChoice, estimate)] };
      return { ok: false, held, error: raced.reason };
    }
    const deep = raced.value;
    held = { ...held, attempts: [...held.attempts, ...deep.failed] };
    if (!deep.result.ok) {
      held = {
        ...held,
        claims: held.claims.filter((key) => key !== options.deepKey),
        releasedClaims: [...held.releasedClaims, options.deepKey],
      };
      return keep([
        `The fast model asked for a deep review, but the deep model failed: ${deep.result.message}`,
      ]);
    }
    held = {
      ...held,
      attempts: [...held.attempts, answerRow(fast, 'escalated')],
      unposted: deep.result,
    };
    return {
      ok: true,
      held,
      result: deep.result,
      escalation: { reason, fastCostUsd: fast.costUsd },
      notes: [],
    };
  } catch (error) {
    return { ok: false, held, error };
  }
};
