import type { PathHistory } from '../../domain/history.js';
import type { SignalContext } from '../types.js';

/**
 * The history of the changed source files that still exist after the change (tests, documents,
 * configuration, ignored and removed files left out), in diff order; empty without history.
 */
export const listSourceHistory = (ctx: SignalContext): PathHistory[] => {
  if (ctx.history === null) return [];
  const byPath = new Map(ctx.history.paths.map((entry) => [entry.path, entry]));
  return ctx.counted.flatMap((facts) => {
    if (!facts.isSource || facts.file.status === 'removed') return [];
    const entry = byPath.get(facts.path);
    return entry === undefined ? [] : [entry];
  });
};
