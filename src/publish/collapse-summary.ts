/**
 * One summary per pull request stays current: the latest review's body holds it, and the review
 * before it is cut down to a pointer plus the findings it listed (they were posted once and are
 * not repeated, so they must stay readable).
 */
import { FINDINGS_END, FINDINGS_START } from './render-summary.js';

export const REPLACED_MARKER = '<!-- review-router:summary-replaced -->';

export interface NewerSummary {
  readonly headSha: string;
  readonly url: string;
}

/** The older body cut down, or null when it is not a review-router summary or is already cut. */
export const collapseSummary = (body: string, newer: NewerSummary): string | null => {
  if (!body.includes('<!-- review-router:summary -->') || body.includes(REPLACED_MARKER))
    return null;
  const start = body.indexOf(FINDINGS_START);
  const end = body.indexOf(FINDINGS_END);
  const findings = start !== -1 && end > start ? body.slice(start, end + FINDINGS_END.length) : '';
  return [
    REPLACED_MARKER,
    `<sub>review-router: this summary is out of date. The current one is in the ` +
      `[review of \`${newer.headSha.slice(0, 7)}\`](${newer.url}).</sub>`,
    ...(findings === '' ? [] : ['', findings]),
  ].join('\n');
};
