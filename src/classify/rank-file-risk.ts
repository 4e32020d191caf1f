import type { FileRisk, RiskSignal } from '../domain/classification.js';
import { combineWeights } from './score-risk.js';
import type { SignalContext } from './types.js';

/**
 * Each file's own risk: the noisy-or of the signals that name it. Ignored files (lockfiles,
 * build output) score 0 whatever names them, so they enter the prompt last. Sorted most risky
 * first; ties go to the file with more changed lines, then to the path in alphabetical order.
 */
export const rankFileRisk = (ctx: SignalContext, signals: readonly RiskSignal[]): FileRisk[] => {
  const weightsByPath = new Map<string, number[]>();
  for (const signal of signals) {
    for (const path of signal.paths) {
      const weights = weightsByPath.get(path);
      if (weights) weights.push(signal.weight);
      else weightsByPath.set(path, [signal.weight]);
    }
  }
  return ctx.files
    .map((facts) => ({
      path: facts.path,
      score: facts.ignored ? 0 : combineWeights(weightsByPath.get(facts.path) ?? []),
      changedLines: facts.changedLines,
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.changedLines - a.changedLines ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    )
    .map(({ path, score }) => ({ path, score }));
};
