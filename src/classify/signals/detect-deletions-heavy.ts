import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { formatCount } from '../../domain/format-count.js';
import { DELETIONS_HEAVY, SIGNAL_WEIGHTS } from './signal-weights.js';

/** Mostly deletions: removed code may still have callers the diff does not show. */
export const detectDeletionsHeavy = (ctx: SignalContext): RiskSignal | null => {
  let additions = 0;
  let deletions = 0;
  const paths: string[] = [];
  for (const facts of ctx.counted) {
    additions += facts.file.additions;
    deletions += facts.file.deletions;
    if (facts.file.deletions > facts.file.additions) paths.push(facts.path);
  }
  if (deletions < DELETIONS_HEAVY.minDeletions || deletions < additions * DELETIONS_HEAVY.ratio) {
    return null;
  }
  return {
    id: 'deletions-heavy',
    weight: SIGNAL_WEIGHTS['deletions-heavy'],
    message: `removes ${formatCount(deletions)} lines and adds ${formatCount(additions)}`,
    paths,
  };
};
