import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { HISTORY_BASELINE_WEIGHT, ORDINARY_HISTORY_LIFT } from './history-weights.js';

/**
 * The history-aware signals add to most changes of a repository with history, since most changes
 * edit files that have changed and been fixed before. This takes back what an ordinary history
 * adds, so the risk levels send as many changes deep with history as without it: a change to
 * files with more fixes and commits than usual scores higher than it would without history, a
 * change to new or quiet files lower. Silent for a repository without history.
 */
export const detectHistoryBaseline = (ctx: SignalContext): RiskSignal | null =>
  ctx.history === null
    ? null
    : {
        id: 'history-baseline',
        weight: HISTORY_BASELINE_WEIGHT,
        message: `an ordinary history adds ${ORDINARY_HISTORY_LIFT.toFixed(2)} to a score in this repository; taken back, so the risk levels mean the same with history and without`,
        paths: [],
      };
