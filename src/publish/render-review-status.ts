/**
 * The parts of a review's summary that keep it current across pushes: what this review covered
 * (incremental or whole, and what was left out), what was not repeated, and the pull request's
 * running cost.
 */
import type { RiskLevel } from '../domain/classification.js';
import { formatUsd } from '../domain/format-usd.js';
import type { ReviewScope } from '../domain/review-scope.js';
import { describeOmission } from './detect-generated-file.js';
import { sanitizeMarkdown } from './sanitize-markdown.js';

export interface OmittedEntry {
  readonly path: string;
  readonly reason: string;
}

export interface SuppressedCounts {
  readonly notAProblem: number;
  readonly lowConfidence: number;
  readonly repeated: number;
  readonly alreadyPosted: number;
  readonly resolved: number;
}

/** The list of left-out files stops growing past this many characters (a review body holds 65,536). */
const MAX_LIST_CHARS = 30_000;
/** Longer lists fold away behind a <details> toggle. */
const FOLD_AFTER = 15;

const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
const short = (sha: string): string => `\`${sha.slice(0, 7)}\``;
const code = (path: string): string =>
  `\`${sanitizeMarkdown(path, { maxLength: 300, inline: true })}\``;
const level = (risk: { level: RiskLevel; score: number }) =>
  `${risk.level} (${risk.score.toFixed(2)})`;

/** Null for a whole review nothing needs explaining about (a first review). */
export const renderScopeLine = (scope: ReviewScope): string | null => {
  if (scope.kind === 'full') {
    return scope.note === null ? null : `**Scope:** the whole pull request, because ${scope.note}`;
  }
  const what =
    `**Scope:** incremental, ${plural(scope.commits, 'new commit')} since ${short(scope.baseSha)} ` +
    `(${scope.files} of the pull request's ${plural(scope.pullFiles, 'file')} changed)`;
  if (scope.routedOn === 'pull-request') {
    const touched = scope.touchedRiskyPaths.slice(0, 5).map(code).join(', ');
    return (
      `${what}. Routed on the whole pull request's risk, ${level(scope.pullRisk)}, because this ` +
      `push touches its risky ${scope.touchedRiskyPaths.length === 1 ? 'file' : 'files'} again: ${touched}.`
    );
  }
  if (scope.pullRisk.level === 'low') {
    return `${what}. Routed on the new changes alone; the whole pull request's risk is low too.`;
  }
  return (
    `${what}. Routed on the new changes alone; the whole pull request's risk is ` +
    `${level(scope.pullRisk)}, but this push does not touch the files that make it so.`
  );
};

/** One line that counts the findings held back (repeats, low confidence, praise), or null. */
export const renderSuppressed = (counts: SuppressedCounts): string | null => {
  const parts = [
    counts.alreadyPosted > 0 ? `${counts.alreadyPosted} already posted on this pull request` : '',
    counts.resolved > 0 ? `${counts.resolved} in a thread a person resolved` : '',
    counts.repeated > 0 ? `${counts.repeated} said twice in this answer` : '',
    counts.lowConfidence > 0 ? `${counts.lowConfidence} the model was not confident about` : '',
    counts.notAProblem > 0 ? `${counts.notAProblem} praise or restatement` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const total =
    counts.alreadyPosted +
    counts.resolved +
    counts.repeated +
    counts.lowConfidence +
    counts.notAProblem;
  return `<sub>Not posted: ${plural(total, 'finding')} (${parts.join(', ')}).</sub>`;
};

/** Files a person may want to read come first: over a budget, then without a readable diff. */
const priority = (reason: string): number =>
  reason.startsWith('over') ? 0 : reason === 'binary' || reason.startsWith('no patch') ? 1 : 2;

/**
 * Coverage: how many files the review read, then every file left out with why, grouped by reason
 * (over the token budget first: those are the ones a person may want to read).
 */
export const renderCoverage = (omitted: readonly OmittedEntry[], files: number): string[] => {
  if (omitted.length === 0)
    return files === 0 ? [] : [`**Coverage:** all ${plural(files, 'file')} reviewed.`, ''];
  const described = omitted
    .map((file) => ({ path: file.path, reason: describeOmission(file.path, file.reason) }))
    .sort((a, b) => priority(a.reason) - priority(b.reason));
  const byReason = new Map<string, string[]>();
  for (const file of described)
    byReason.set(file.reason, [...(byReason.get(file.reason) ?? []), file.path]);
  const counts = [...byReason].map(([reason, paths]) => `${paths.length} ${reason}`).join(', ');
  const reviewed = Math.max(files - omitted.length, 0);
  const lines = [
    `**Coverage:** ${reviewed} of ${plural(files, 'file')} reviewed, most risky first; ` +
      `not reviewed: ${counts}.`,
    '',
    `#### Not reviewed (${plural(omitted.length, 'file')})`,
  ];
  const listed: string[] = [];
  let chars = 0;
  for (const file of described) {
    const line = `- ${code(file.path)} — ${file.reason}`;
    if (chars + line.length > MAX_LIST_CHARS) break;
    listed.push(line);
    chars += line.length;
  }
  const more = described.length - listed.length;
  if (more > 0) listed.push(`- … and ${more} more`);
  if (described.length > FOLD_AFTER) {
    lines.push(
      '',
      '<details><summary>Every file left out</summary>',
      '',
      ...listed,
      '',
      '</details>',
    );
  } else {
    lines.push(...listed);
  }
  lines.push('');
  return lines;
};

export const renderPullCost = (pull: {
  readonly totalUsd: number;
  readonly reviews: number;
}): string =>
  `**This pull request so far:** ${formatUsd(pull.totalUsd)} over ${plural(pull.reviews, 'review')}`;
