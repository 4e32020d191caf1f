import { formatSignalWeight, type Classification } from '../domain/classification.js';
import type { ProviderId } from '../domain/policy.js';
import type { Tier } from '../domain/review-job.js';
import type { ReviewScope } from '../domain/review-scope.js';
import { formatCount } from '../domain/format-count.js';
import { formatUsd } from '../domain/format-usd.js';
import type { PlacedFindings } from './place-findings.js';
import { renderBodyFinding } from './render-comment.js';
import { sanitizeMarkdown } from './sanitize-markdown.js';
import {
  renderCoverage,
  renderPullCost,
  renderScopeLine,
  renderSuppressed,
  type SuppressedCounts,
} from './render-review-status.js';
import type { RepositoryLink } from './types.js';

/** Hidden marker that lets the app find its own summaries again. */
export const SUMMARY_MARKER = '<!-- review-router:summary -->';

export interface OmittedFile {
  readonly path: string;
  readonly reason: string;
}

export interface ReviewSummaryInput {
  readonly tier: Tier;
  readonly provider: ProviderId;
  readonly model: string;
  readonly reason: string;
  readonly budgetNote: string | null;
  readonly classification: Classification;
  /** The model's own summary; null when its answer could not be used. */
  readonly answerSummary: string | null;
  readonly placed: PlacedFindings;
  readonly omitted: readonly OmittedFile[];
  readonly costUsd: number;
  readonly deepCostUsd: number;
  readonly escalation: { readonly reason: string; readonly fastCostUsd: number } | null;
  /** Notes for the reader; they may quote the model (a validation error), so they are sanitised. */
  readonly notes: readonly string[];
  /** Where links in the model's text may point; null allows none. */
  readonly repository: RepositoryLink | null;
  /** Whole or incremental; absent: nothing is said about it. */
  readonly scope?: ReviewScope;
  /** How many files this review covered (its diff), for the coverage line. */
  readonly changedFiles?: number;
  /** Findings held back before min_severity and max_comments (not repeated, not a problem). */
  readonly suppressed?: SuppressedCounts;
  /** The pull request's spend across every push, this review included. */
  readonly pullCost?: { readonly totalUsd: number; readonly reviews: number };
}

/** The heading of the app's review of `tier`, before the model that wrote it. */
const reviewHeading = (tier: Tier): string => `### review-router · ${tier} review`;

/** What only the app's own review of `tier` holds in its body: its marker and its heading. */
export const reviewMarks = (tier: Tier): readonly string[] => [SUMMARY_MARKER, reviewHeading(tier)];

/** GitHub refuses a review body longer than this (65,536 characters), with room to spare. */
export const MAX_REVIEW_BODY = 65_000;

/** Wraps the findings a later summary keeps when it collapses this one (see collapseSummary). */
export const FINDINGS_START = '<!-- review-router:findings -->';
export const FINDINGS_END = '<!-- /review-router:findings -->';

export const renderRiskLine = (classification: Classification): string => {
  const { risk, size, changedLines, changedFiles } = classification;
  const files = changedFiles === 1 ? 'file' : 'files';
  return (
    `**Risk:** ${risk.level} (${risk.score.toFixed(2)}) · **Size:** ${size} ` +
    `(${formatCount(changedLines)} changed lines in ${changedFiles} ${files})`
  );
};

export const renderSignals = (classification: Classification): string[] =>
  classification.risk.signals.map(
    (signal) =>
      `- \`${signal.id}\` (${formatSignalWeight(signal.weight)}): ${sanitizeMarkdown(signal.message, { maxLength: 300, inline: true })}`,
  );

const renderCost = (input: ReviewSummaryInput): string => {
  const total = input.costUsd + (input.escalation?.fastCostUsd ?? 0);
  if (input.tier === 'deep') {
    const fast = input.escalation
      ? ` (fast review ${formatUsd(input.escalation.fastCostUsd)} + deep review ${formatUsd(input.costUsd)})`
      : '';
    return `**Cost:** ${formatUsd(total)}${fast}`;
  }
  return `**Cost:** ${formatUsd(total)} · the deep tier would have cost about ${formatUsd(input.deepCostUsd)}`;
};

export const renderReviewBody = (input: ReviewSummaryInput): string => {
  const { repository } = input;
  const lines: string[] = [
    SUMMARY_MARKER,
    `${reviewHeading(input.tier)} (${input.provider} \`${input.model}\`)`,
    '',
    `**Why this model:** ${sanitizeMarkdown(input.reason, { maxLength: 400, inline: true, repository })}`,
  ];
  if (input.escalation) {
    lines.push(
      `**Escalated:** the fast model asked for a deep review: ${sanitizeMarkdown(input.escalation.reason, { maxLength: 500, inline: true, repository })}`,
    );
  }
  if (input.budgetNote) lines.push(`**Budget:** ${input.budgetNote}`);
  const scope = input.scope ? renderScopeLine(input.scope) : null;
  if (scope !== null) lines.push(scope);
  lines.push(renderRiskLine(input.classification), ...renderSignals(input.classification), '');
  if (input.answerSummary !== null)
    lines.push(sanitizeMarkdown(input.answerSummary, { repository }), '');
  for (const note of input.notes)
    lines.push(`> ${sanitizeMarkdown(note, { maxLength: 1_000, inline: true, repository })}`, '');
  const { belowSeverity, overLimit } = input.placed;
  const findingsAt = lines.length;
  if (belowSeverity + overLimit > 0) {
    const parts = [
      belowSeverity > 0 ? `${belowSeverity} below the policy's min_severity` : '',
      overLimit > 0 ? `${overLimit} over the policy's max_comments` : '',
    ].filter(Boolean);
    lines.push(`<sub>Not shown: ${parts.join(', ')}.</sub>`, '');
  }
  const suppressed = input.suppressed ? renderSuppressed(input.suppressed) : null;
  if (suppressed !== null) lines.push(suppressed, '');
  if (input.changedFiles !== undefined) {
    lines.push(...renderCoverage(input.omitted, input.changedFiles));
  } else if (input.omitted.length > 0) {
    lines.push(
      `#### Not reviewed (${input.omitted.length} ${input.omitted.length === 1 ? 'file' : 'files'})`,
    );
    const shown = input.omitted.slice(0, 100);
    lines.push(
      ...shown.map(
        (file) =>
          `- \`${sanitizeMarkdown(file.path, { maxLength: 300, inline: true })}\` — ${file.reason}`,
      ),
    );
    if (input.omitted.length > shown.length)
      lines.push(`- … and ${input.omitted.length - shown.length} more`);
    lines.push('');
  }
  lines.push(
    input.pullCost ? `${renderCost(input)} · ${renderPullCost(input.pullCost)}` : renderCost(input),
    '',
    '<sub>review-router comments only: it never approves or blocks a pull request.</sub>',
  );
  const rest = lines.join('\n').length;
  lines.splice(findingsAt, 0, ...renderBodyFindings(input, MAX_REVIEW_BODY - rest));
  return lines.join('\n');
};

/**
 * The findings that sit in the body, as many as fit in `room` characters, the most important
 * first (the model's order); the rest are counted, never cut in the middle.
 */
const renderBodyFindings = (input: ReviewSummaryInput, room: number): string[] => {
  const { inBody } = input.placed;
  if (inBody.length === 0) return [];
  const heading = `#### Findings outside the diff's lines (${inBody.length})`;
  // The markers, the heading, the line saying what did not fit, and the line breaks between.
  let left = room - FINDINGS_START.length - FINDINGS_END.length - heading.length - 200;
  const shown: string[] = [];
  for (const finding of inBody) {
    const rendered = renderBodyFinding(finding, input.repository);
    if (rendered.length + 1 > left) break;
    shown.push(rendered);
    left -= rendered.length + 1;
  }
  const more = inBody.length - shown.length;
  const cut =
    more > 0
      ? [
          `<sub>${more} more ${more === 1 ? 'finding does' : 'findings do'} not fit: GitHub takes at most ${formatCount(MAX_REVIEW_BODY)} characters in a review.</sub>`,
        ]
      : [];
  return [FINDINGS_START, heading, ...shown, ...cut, FINDINGS_END, ''];
};
