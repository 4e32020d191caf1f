import type { InlineComment } from '../github/types.js';
import type { Finding } from '../domain/model-answer.js';
import { sanitizeCode, sanitizeMarkdown } from './sanitize-markdown.js';

const BADGE: Record<Finding['severity'], string> = {
  critical: '🛑 **Critical**',
  error: '🔴 **Error**',
  warning: '🟠 **Warning**',
  info: '🔵 **Info**',
};

/** A suggestion block replaces the commented lines, so only RIGHT-side findings may carry one. */
const suggestionBlock = (finding: Finding): string =>
  finding.suggestion !== null && finding.side === 'RIGHT'
    ? `\n\n\`\`\`suggestion\n${sanitizeCode(finding.suggestion)}\n\`\`\``
    : '';

export const renderFindingBody = (finding: Finding): string =>
  `${BADGE[finding.severity]} · ${sanitizeMarkdown(finding.category, { maxLength: 60 })} — ` +
  `${sanitizeMarkdown(finding.title, { maxLength: 200 })}\n\n` +
  `${sanitizeMarkdown(finding.body, { maxLength: 4_000 })}${suggestionBlock(finding)}`;

export const renderInlineComment = (finding: Finding): InlineComment => {
  const multiLine = finding.start_line !== null && finding.start_line < finding.line;
  return {
    path: finding.path,
    line: finding.line,
    side: finding.side,
    ...(multiLine && finding.start_line !== null
      ? { start_line: finding.start_line, start_side: finding.side }
      : {}),
    body: renderFindingBody(finding),
  };
};

/** A finding that could not sit on its line, listed in the review body instead. */
export const renderBodyFinding = (finding: Finding): string => {
  const where = `\`${sanitizeMarkdown(finding.path, { maxLength: 300 })}\` line ${finding.line}`;
  return `- ${where}: ${renderFindingBody(finding).replace(/\n/g, '\n  ')}`;
};
