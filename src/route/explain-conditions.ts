import { findMatchingGlob, matchesAny } from '../classify/match-paths.js';
import type { Classification, RiskSignal } from '../domain/classification.js';
import { formatCount } from '../domain/format-count.js';
import type { RuleConditions } from '../domain/policy.js';
import type { RouteInput } from './types.js';

export type ConditionFacts = Pick<RouteInput, 'classification' | 'diff' | 'pr'>;

type Check<K extends keyof RuleConditions> = (
  value: NonNullable<RuleConditions[K]>,
  facts: ConditionFacts,
) => string | null;

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const count = (lines: number): string => `${formatCount(lines)} changed lines`;

/** The signal that adds most; one that takes back never explains a level. */
const strongestSignal = (signals: readonly RiskSignal[]): RiskSignal | null =>
  signals.reduce<RiskSignal | null>(
    (best, signal) =>
      signal.weight > 0 && (best === null || signal.weight > best.weight) ? signal : best,
    null,
  );

/** "risk high: touches authentication code in src/auth/": the level and its strongest signal. */
export const describeRisk = ({ risk }: Classification): string => {
  const strongest = strongestSignal(risk.signals);
  return strongest ? `risk ${risk.level}: ${strongest.message}` : `risk ${risk.level}`;
};

const describeChangedLines = (
  lines: number,
  { over, under }: NonNullable<RuleConditions['changed_lines']>,
): string => {
  const bounds = [
    over === undefined ? null : `over ${formatCount(over)}`,
    under === undefined ? null : `under ${formatCount(under)}`,
  ].filter((bound) => bound !== null);
  return bounds.length === 0 ? count(lines) : `${count(lines)} (${bounds.join(', ')})`;
};

type Condition = (when: RuleConditions, facts: ConditionFacts) => string | null | undefined;

/** A condition of `when`: undefined when the rule does not set it, null when it fails, else why it holds. */
const condition =
  <K extends keyof RuleConditions>(key: K, check: Check<K>): Condition =>
  (when, facts) => {
    const value = when[key];
    return value === undefined ? undefined : check(value, facts);
  };

/** In the order a rule's reasons are listed. */
const CONDITIONS: readonly Condition[] = [
  condition('labels', (labels, { pr }) => {
    const label = pr.labels.find((name) => labels.some((wanted) => sameName(name, wanted)));
    return label === undefined ? null : `label ${label}`;
  }),
  condition('risk', (levels, { classification }) =>
    levels.includes(classification.risk.level) ? describeRisk(classification) : null,
  ),
  condition('size', (sizes, { classification }) =>
    sizes.includes(classification.size)
      ? `size ${classification.size}: ${count(classification.changedLines)}`
      : null,
  ),
  condition('paths', (globs, { diff }) => {
    const file = diff.files.find((candidate) => matchesAny(candidate.path, globs));
    return file === undefined
      ? null
      : `changes ${file.path} (matches ${findMatchingGlob(file.path, globs) ?? globs.join(', ')})`;
  }),
  condition('authors', (authors, { pr }) =>
    authors.some((author) => sameName(author, pr.author)) ? `author ${pr.author}` : null,
  ),
  condition('author_association', (associations, { pr }) =>
    associations.some((association) => sameName(association, pr.authorAssociation))
      ? `author association ${pr.authorAssociation}`
      : null,
  ),
  condition('base', (branches, { pr }) =>
    matchesAny(pr.baseRef, branches) ? `base branch ${pr.baseRef}` : null,
  ),
  condition('changed_lines', (bounds, { classification }) => {
    const lines = classification.changedLines;
    const holds =
      (bounds.over === undefined || lines > bounds.over) &&
      (bounds.under === undefined || lines < bounds.under);
    return holds ? describeChangedLines(lines, bounds) : null;
  }),
];

/**
 * Whether every condition of `when` holds and, if so, why: "label review:deep", or several
 * reasons joined ("author association FIRST_TIME_CONTRIBUTOR, changes src/auth/a.ts (matches
 * src/auth/**)"). Null when a condition fails. A rule without conditions matches everything.
 */
export const explainConditions = (when: RuleConditions, facts: ConditionFacts): string | null => {
  const reasons: string[] = [];
  for (const check of CONDITIONS) {
    const reason = check(when, facts);
    if (reason === null) return null;
    if (reason !== undefined) reasons.push(reason);
  }
  return reasons.length === 0 ? 'matches every pull request' : reasons.join(', ');
};
