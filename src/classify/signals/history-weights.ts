/**
 * Weights of the history-aware signals, chosen on the tuning repositories of
 * docs/risk-evidence.md ("History-aware risk") and checked once on the held-out ones. Each grows
 * with log2(1 + count) up to a cap, and combines with the other signals as a noisy-or; in a
 * repository with history the lift an ordinary history gives is then taken back, so the risk
 * levels mean the same with history and without, and a change without history scores exactly
 * as before.
 */
export interface HistoryCurve {
  /** Weight per doubling of (1 + count). */
  readonly perDoubling: number;
  readonly cap: number;
}

/** fix-history: fix commits in the year before, to the changed source file that had the most. */
export const FIX_HISTORY_CURVE: HistoryCurve = { perDoubling: 0.08, cap: 0.2 };

/** change-history: earlier commits to the changed source files, summed. */
export const CHANGE_HISTORY_CURVE: HistoryCurve = { perDoubling: 0.06, cap: 0.1 };

/**
 * The lift, as a noisy-or weight, that an ordinary history gives a change: with it taken back,
 * the history-aware scores of the tuning repositories send as many commits deep at the default
 * levels as the scores without history (25% at 0.18).
 */
export const ORDINARY_HISTORY_LIFT = 0.22;

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The weight of a count on a curve: 0 for none. */
export const historyWeight = (count: number, curve: HistoryCurve): number =>
  count <= 0 ? 0 : round2(Math.min(curve.cap, curve.perDoubling * Math.log2(1 + count)));

/**
 * The weight that takes `ORDINARY_HISTORY_LIFT` back in a noisy-or: 1 - (1 - w) = 1 / (1 - lift)
 * multiplies the chance of no fix, so w = -lift / (1 - lift).
 */
export const HISTORY_BASELINE_WEIGHT = round2(-ORDINARY_HISTORY_LIFT / (1 - ORDINARY_HISTORY_LIFT));
