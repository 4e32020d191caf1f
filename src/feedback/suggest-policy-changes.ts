/**
 * Policy changes the evidence supports, as snippets to paste into `.github/review-router.yml`:
 * advice only, the app never changes a policy. A suggestion needs at least `minEvidence` findings
 * with an outcome behind each figure it compares.
 */
import type { FindingRecord } from '../domain/finding-feedback.js';
import { SEVERITIES } from '../domain/model-answer.js';

export interface PolicySuggestion {
  readonly kind: 'instruction' | 'min-severity' | 'routing-rule';
  readonly reason: string;
  /** YAML to paste, with the evidence in a comment. */
  readonly snippet: string;
}

export interface SuggestOptions {
  readonly minEvidence?: number;
  /** A category or severity acted on less often than this is noise. */
  readonly noiseRate?: number;
}

interface Tally {
  settled: number;
  actedOn: number;
  costUsd: number;
}

const tally = (findings: readonly FindingRecord[], keyOf: (f: FindingRecord) => string) => {
  const tallies = new Map<string, Tally>();
  for (const finding of findings) {
    if (finding.outcome === 'open') continue;
    const key = keyOf(finding);
    const t = tallies.get(key) ?? { settled: 0, actedOn: 0, costUsd: 0 };
    t.settled += 1;
    t.actedOn += finding.outcome === 'acted-on' ? 1 : 0;
    t.costUsd += finding.costUsd;
    tallies.set(key, t);
  }
  return tallies;
};

const percent = (t: Tally): string => `${Math.round((t.actedOn / t.settled) * 100)}%`;
/** The folder a routing rule can name: the first two segments of the path, or its first. */
const folderOf = (path: string): string => path.split('/').slice(0, -1).slice(0, 2).join('/');

export const suggestPolicyChanges = (
  findings: readonly FindingRecord[],
  options: SuggestOptions = {},
): PolicySuggestion[] => {
  const minEvidence = options.minEvidence ?? 10;
  const noiseRate = options.noiseRate ?? 0.1;
  const enough = (t: Tally | undefined): t is Tally => t !== undefined && t.settled >= minEvidence;
  const suggestions: PolicySuggestion[] = [];

  for (const [category, t] of tally(findings, (f) => f.category)) {
    if (!enough(t) || t.actedOn / t.settled >= noiseRate) continue;
    suggestions.push({
      kind: 'instruction',
      reason: `${t.actedOn} of ${t.settled} ${category} findings were acted on (${percent(t)})`,
      snippet: [
        `# ${t.actedOn} of ${t.settled} "${category}" findings were acted on (${percent(t)}).`,
        'review:',
        '  instructions: |',
        `    Report a ${category} finding only when it is a defect a maintainer would fix.`,
      ].join('\n'),
    });
  }

  const bySeverity = tally(findings, (f) => f.severity);
  const noisy = SEVERITIES.filter((severity) => {
    const t = bySeverity.get(severity);
    return enough(t) && t.actedOn / t.settled < noiseRate;
  });
  const lowest = noisy[0];
  const next = lowest === undefined ? undefined : SEVERITIES[SEVERITIES.indexOf(lowest) + 1];
  const nextTally = next === undefined ? undefined : bySeverity.get(next);
  const lowestTally = lowest === undefined ? undefined : bySeverity.get(lowest);
  if (next !== undefined && lowestTally !== undefined && enough(nextTally)) {
    if (nextTally.actedOn / nextTally.settled > lowestTally.actedOn / lowestTally.settled)
      suggestions.push({
        kind: 'min-severity',
        reason: `${lowest} findings: ${percent(lowestTally)} acted on; ${next}: ${percent(nextTally)}`,
        snippet: [
          `# ${lowest}: ${lowestTally.actedOn} of ${lowestTally.settled} acted on; ${next}: ${nextTally.actedOn} of ${nextTally.settled}.`,
          'review:',
          `  min_severity: ${next}`,
        ].join('\n'),
      });
  }

  const byFolderTier = tally(findings, (f) => `${folderOf(f.path)}\u0000${f.tier}`);
  const folders = new Set([...byFolderTier.keys()].map((key) => key.split('\u0000')[0] ?? ''));
  for (const folder of [...folders].sort()) {
    const fast = byFolderTier.get(`${folder}\u0000fast`);
    const deep = byFolderTier.get(`${folder}\u0000deep`);
    if (folder === '' || !enough(fast) || !enough(deep)) continue;
    const perDollar = (t: Tally) => (t.costUsd === 0 ? Infinity : t.actedOn / t.costUsd);
    if (fast.actedOn === 0 || perDollar(fast) <= perDollar(deep)) continue;
    suggestions.push({
      kind: 'routing-rule',
      reason: `in ${folder}/ the fast tier's acted-on findings per dollar beat the deep tier's`,
      snippet: [
        `# ${folder}/: fast ${fast.actedOn} acted on for $${fast.costUsd.toFixed(4)}; deep ${deep.actedOn} for $${deep.costUsd.toFixed(4)}.`,
        '# Add it to routing.rules (a list you set replaces the default one), after the rules',
        '# that must still send risky changes deep: the first rule that matches wins.',
        'routing:',
        '  rules:',
        `    - { when: { paths: ["${folder}/**"] }, tier: fast }`,
      ].join('\n'),
    });
  }
  return suggestions;
};
