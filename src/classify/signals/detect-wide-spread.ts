import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { formatList } from './format-list.js';
import { WIDE_SPREAD_STEPS } from './signal-weights.js';

/** The first two directory levels of a path ("src/auth" for src/auth/login/form.ts; "." at the root). */
export const areaOf = (path: string): string => {
  const directories = path.split('/').slice(0, -1);
  return directories.length === 0 ? '.' : directories.slice(0, 2).join('/');
};

/** A change spread over many parts of the repository is harder to review as one. */
export const detectWideSpread = (ctx: SignalContext): RiskSignal | null => {
  const areas = new Set(ctx.counted.map((facts) => areaOf(facts.path)));
  const step = WIDE_SPREAD_STEPS.find(({ directories }) => areas.size >= directories);
  if (!step) return null;
  return {
    id: 'wide-spread',
    weight: step.weight,
    message: `spreads over ${areas.size} directories: ${formatList([...areas])}`,
    paths: [],
  };
};
