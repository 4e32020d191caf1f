import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { formatList, plural } from './format-list.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

/**
 * Source code added or changed while no test file was added or changed. Removed source files do
 * not count (deleting dead code needs no new test), nor do pure renames without line changes.
 */
export const detectNoTests = (ctx: SignalContext): RiskSignal | null => {
  const paths: string[] = [];
  for (const facts of ctx.counted) {
    if (facts.file.status === 'removed') continue;
    if (facts.isTest) return null;
    if (
      facts.isSource &&
      (facts.changedLines > 0 || facts.file.status === 'added' || !facts.file.patchAvailable)
    ) {
      paths.push(facts.path);
    }
  }
  if (paths.length === 0) return null;
  const what =
    paths.length === 1
      ? (paths[0] ?? '')
      : `${plural(paths.length, 'source file')} (${formatList(paths)})`;
  return {
    id: 'no-tests',
    weight: SIGNAL_WEIGHTS['no-tests'],
    message: `changes ${what} but no test`,
    paths,
  };
};
