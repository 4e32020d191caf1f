import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { formatCount } from '../../domain/format-count.js';
import { formatList, plural } from './format-list.js';
import { SOURCE_CHURN_CURVE } from './signal-weights.js';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The weight for this many added source lines: 0 for none, linear in log(lines) between points. */
export const sourceChurnWeight = (addedLines: number): number => {
  const first = SOURCE_CHURN_CURVE[0];
  if (first === undefined || addedLines < first.lines) return 0;
  for (let index = 1; index < SOURCE_CHURN_CURVE.length; index += 1) {
    const low = SOURCE_CHURN_CURVE[index - 1];
    const high = SOURCE_CHURN_CURVE[index];
    if (low === undefined || high === undefined || addedLines >= high.lines) continue;
    const progress = Math.log(addedLines / low.lines) / Math.log(high.lines / low.lines);
    return round2(low.weight + (high.weight - low.weight) * progress);
  }
  return SOURCE_CHURN_CURVE.at(-1)?.weight ?? 0;
};

/**
 * New code is where defects come from: the more lines a change adds to source files, the more
 * likely a later fix has to touch one of them. Tests, documents, configuration and ignored
 * paths do not count; deleted lines do not either (a line that is gone cannot hold a defect).
 */
export const detectSourceChurn = (ctx: SignalContext): RiskSignal | null => {
  let added = 0;
  const paths: string[] = [];
  for (const facts of ctx.counted) {
    if (!facts.isSource || facts.file.additions === 0) continue;
    added += facts.file.additions;
    paths.push(facts.path);
  }
  const weight = sourceChurnWeight(added);
  if (weight <= 0) return null;
  return {
    id: 'source-churn',
    weight,
    message: `adds ${plural(added, 'line')} of source code in ${
      paths.length === 1
        ? (paths[0] ?? '')
        : `${formatCount(paths.length)} files (${formatList(paths)})`
    }`,
    paths,
  };
};
