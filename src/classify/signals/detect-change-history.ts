import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { formatCount } from '../../domain/format-count.js';
import { formatList, plural } from './format-list.js';
import { CHANGE_HISTORY_CURVE, historyWeight } from './history-weights.js';
import { listSourceHistory } from './list-source-history.js';

/**
 * Changing code that already exists, and has changed often, breaks what depends on it more often
 * than writing new code: counts the earlier commits to the changed source files; silent without
 * history, and for a change whose source files are all new.
 */
export const detectChangeHistory = (ctx: SignalContext): RiskSignal | null => {
  const entries = listSourceHistory(ctx).filter((entry) => entry.commits > 0);
  const commits = entries.reduce((sum, entry) => sum + entry.commits, 0);
  const weight = historyWeight(commits, CHANGE_HISTORY_CURVE);
  if (weight <= 0) return null;
  const paths = entries.map((entry) => entry.path);
  return {
    id: 'change-history',
    weight,
    message: `changes ${
      paths.length === 1
        ? (paths[0] ?? '')
        : `${formatCount(paths.length)} files (${formatList(paths)})`
    } with ${plural(commits, 'earlier commit')}`,
    paths,
  };
};
