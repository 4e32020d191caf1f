import type { Classification, RiskSignal } from '../domain/classification.js';
import { buildSignalContext } from './build-signal-context.js';
import { classifySize } from './classify-size.js';
import { rankFileRisk } from './rank-file-risk.js';
import { combineWeights, riskLevelOf } from './score-risk.js';
import { ALL_SIGNALS } from './signals/all-signals.js';
import type { ClassifyInput } from './types.js';

export type { ClassifyInput } from './types.js';

/**
 * Size class and risk of a change, with the signals that explain the risk, strongest first.
 *
 * - Size counts additions + deletions of the files `review.ignore_paths` does not match
 *   (lockfiles do not make a change big), against `size.changed_lines`: below S is XS, below M
 *   is S, below L is M, below XL is L, XL and above is XL. `changedFiles`, `additions` and
 *   `deletions` count every file.
 * - Risk combines the signals' weights as a noisy-or, 1 - Π(1 - w), rounded to 2 decimals; the
 *   level is the highest of `risk.levels` the score reaches.
 *
 * Pure and linear in the size of the diff: every file and line is looked at a bounded number of times.
 */
export const classifyChange = (input: ClassifyInput): Classification => {
  const ctx = buildSignalContext(input);
  const found = ALL_SIGNALS.map((detect) => detect(ctx)).filter(
    (signal): signal is RiskSignal => signal !== null,
  );
  // A signal that takes back is listed only where another gave something to take.
  const signals = (
    found.some((signal) => signal.weight > 0) ? found : found.filter((signal) => signal.weight > 0)
  ).sort((a, b) => b.weight - a.weight);
  const score = combineWeights(signals.map((signal) => signal.weight));
  return {
    changedFiles: input.diff.files.length,
    additions: input.diff.additions,
    deletions: input.diff.deletions,
    changedLines: ctx.changedLines,
    size: classifySize(ctx.changedLines, input.policy.size.changed_lines),
    risk: { score, level: riskLevelOf(score, input.policy.risk.levels), signals },
    fileRisk: rankFileRisk(ctx, signals),
  };
};
