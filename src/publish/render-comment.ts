import type { InlineComment } from '../github/types.js';
import type { Finding } from '../domain/model-answer.js';
import { sanitizeCode, sanitizeMarkdown } from './sanitize-markdown.js';
import { fenceFor } from './split-code-blocks.js';
import type { RepositoryLink } from './types.js';

const BADGE: Record<Finding['severity'], string> = {
  critical: '🛑 **Critical**',
  error: '🔴 **Error**',
  warning: '🟠 **Warning**',
  info: '🔵 **Info**',
};

/**
 * How a finding's proposed code is shown: `block`, a GitHub suggestion that replaces the commented
 * lines (only when it covers them all, on the RIGHT side); `code`, a plain code block to copy from;
 * `none`, not at all (it would change nothing).
 */
export type SuggestionMode = 'block' | 'code' | 'none';

export interface FindingExtras {
  /** Hidden in the comment, so the app can read it back from a resolved thread. */
  readonly fingerprint?: string;
  /** Default: a suggestion block on the RIGHT side, nothing on the LEFT. */
  readonly suggestion?: SuggestionMode;
}

/** The hidden marker that carries a finding's fingerprint in an inline comment. */
export const fingerprintMarker = (fingerprint: string): string =>
  `<!-- review-router:finding ${fingerprint} -->`;

const suggestionBlock = (finding: Finding, mode: SuggestionMode): string => {
  if (finding.suggestion === null || mode === 'none') return '';
  const code = sanitizeCode(finding.suggestion);
  const fence = fenceFor(code.split('\n'));
  return mode === 'block'
    ? `\n\n${fence}suggestion\n${code}\n${fence}`
    : `\n\nProposed code:\n\n${fence}\n${code}\n${fence}`;
};

const confidenceOf = (finding: Finding): string =>
  typeof finding.confidence === 'number'
    ? ` (${Math.round(finding.confidence * 100)}% confident)`
    : '';

/** Every text of the finding is the model's: sanitised, with links only into `repository`. */
export const renderFindingBody = (
  finding: Finding,
  repository: RepositoryLink | null,
  extras: FindingExtras = {},
): string =>
  `${BADGE[finding.severity]}${confidenceOf(finding)} · ${sanitizeMarkdown(finding.category, { maxLength: 60, inline: true, repository })} — ` +
  `${sanitizeMarkdown(finding.title, { maxLength: 200, inline: true, repository })}\n\n` +
  `${sanitizeMarkdown(finding.body, { maxLength: 4_000, repository })}` +
  suggestionBlock(finding, extras.suggestion ?? (finding.side === 'RIGHT' ? 'block' : 'none')) +
  (extras.fingerprint === undefined ? '' : `\n\n${fingerprintMarker(extras.fingerprint)}`);

export const renderInlineComment = (
  finding: Finding,
  repository: RepositoryLink | null,
  extras: FindingExtras = {},
): InlineComment => {
  const multiLine = finding.start_line !== null && finding.start_line < finding.line;
  return {
    path: finding.path,
    line: finding.line,
    side: finding.side,
    ...(multiLine && finding.start_line !== null
      ? { start_line: finding.start_line, start_side: finding.side }
      : {}),
    body: renderFindingBody(finding, repository, extras),
  };
};

/**
 * A finding that could not sit on its line, listed in the review body instead: a suggestion block
 * means nothing there, so proposed code is a plain code block.
 */
export const renderBodyFinding = (finding: Finding, repository: RepositoryLink | null): string => {
  // A LEFT-side line is numbered in the file as it was before the change.
  const side = finding.side === 'LEFT' ? ' (before the change)' : '';
  const where = `\`${sanitizeMarkdown(finding.path, { maxLength: 300, inline: true })}\` line ${finding.line}${side}`;
  const body = renderFindingBody(finding, repository, { suggestion: 'code' });
  return `- ${where}: ${body.replace(/\n/g, '\n  ')}`;
};
