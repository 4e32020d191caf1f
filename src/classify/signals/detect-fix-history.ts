import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { plural } from './format-list.js';
import { FIX_HISTORY_CURVE, historyWeight } from './history-weights.js';
import { listSourceHistory } from './list-source-history.js';

/**
 * Defects cluster: a source file that needed fixes in the past year is likely to need another,
 * and a change to it is more often the one a later fix blames. Speaks for the changed source file
 * with the most fix commits in the year before the change; silent without history.
 */
export const detectFixHistory = (ctx: SignalContext): RiskSignal | null => {
  const hottest = listSourceHistory(ctx).reduce<{ path: string; fixes: number } | null>(
    (best, entry) =>
      entry.recentFixes > (best?.fixes ?? 0)
        ? { path: entry.path, fixes: entry.recentFixes }
        : best,
    null,
  );
  if (hottest === null) return null;
  const weight = historyWeight(hottest.fixes, FIX_HISTORY_CURVE);
  if (weight <= 0) return null;
  return {
    id: 'fix-history',
    weight,
    message: `changes ${hottest.path}, which ${plural(hottest.fixes, 'fix commit')} changed in the year before`,
    paths: [hottest.path],
  };
};
