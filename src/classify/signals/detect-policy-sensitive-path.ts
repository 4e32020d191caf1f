import type { RiskSignal } from '../../domain/classification.js';
import { findMatchingGlob, matchesAny } from '../match-paths.js';
import type { SignalContext } from '../types.js';
import { formatList } from './format-list.js';
import { SIGNAL_WEIGHTS } from './signal-weights.js';

/** Files matching the repository's own `risk.sensitive_paths`, on top of the built-in areas. */
export const detectPolicySensitivePath = (ctx: SignalContext): RiskSignal | null => {
  const globs = ctx.policy.risk.sensitive_paths;
  if (globs.length === 0) return null;
  const paths: string[] = [];
  const matched = new Set<string>();
  for (const facts of ctx.counted) {
    const path = facts.paths.find((candidate) => matchesAny(candidate, globs));
    if (path === undefined) continue;
    paths.push(facts.path);
    const glob = findMatchingGlob(path, globs);
    if (glob !== null) matched.add(glob);
  }
  if (paths.length === 0) return null;
  const quoted = [...matched];
  return {
    id: 'policy-sensitive-path',
    weight: SIGNAL_WEIGHTS['policy-sensitive-path'],
    message:
      quoted.length === 1
        ? `matches sensitive path ${quoted[0] ?? ''} from the policy`
        : `matches sensitive paths ${formatList(quoted, 5)} from the policy`,
    paths,
  };
};
