import type { RiskSignal } from '../../domain/classification.js';
import type { SignalContext } from '../types.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

const MESSAGES: Readonly<Record<string, string>> = {
  FIRST_TIME_CONTRIBUTOR: 'first contribution to this repository (FIRST_TIME_CONTRIBUTOR)',
  FIRST_TIMER: 'first contribution to GitHub (FIRST_TIMER)',
  NONE: 'author has no association with the repository (NONE)',
};

/** Authors the repository does not know yet: GitHub's author_association says so. */
export const detectFirstTimeContributor = (ctx: SignalContext): RiskSignal | null => {
  const message = MESSAGES[(ctx.authorAssociation ?? '').toUpperCase()];
  if (message === undefined) return null;
  return {
    id: 'first-time-contributor',
    weight: SIGNAL_WEIGHTS['first-time-contributor'],
    message,
    paths: [],
  };
};
