/**
 * The parts of the prompt around the files: facts about the pull request and its classification,
 * its title and description as data blocks, and the list of files left out.
 */
import type { Classification } from '../domain/classification.js';
import type { PullRequestFacts, Tier } from '../domain/review-job.js';
import { fenceData, quoteInline } from './choose-fence.js';
import type { OmittedFile } from './types.js';

/** GitHub allows 65,536 characters of description; the review needs the gist. */
export const MAX_BODY_CHARS = 8_000;
/** The prompt names this many left-out files; the summary lists them all. */
export const MAX_LISTED_OMISSIONS = 50;

export interface PullRequestHeadInput {
  readonly pr: PullRequestFacts;
  readonly classification: Classification;
  readonly route: { readonly tier: Tier; readonly reason: string };
  readonly fence: string;
  /** True when GitHub stopped listing files at its 3,000-file limit. */
  readonly truncated: boolean;
}

export const renderPullRequestHead = (input: PullRequestHeadInput): string => {
  const { pr, classification, route, fence } = input;
  const { risk } = classification;
  const facts = [
    `Review pull request #${pr.number}. Its data blocks use the fence ${fence}.`,
    '',
    `- Author: ${quoteInline(pr.author)} (${quoteInline(pr.authorAssociation)})`,
    `- Branches: ${quoteInline(pr.headRef)} into ${quoteInline(pr.baseRef)}`,
    `- Size: ${classification.size}, ${classification.changedFiles} files changed, +${classification.additions} -${classification.deletions}` +
      (input.truncated ? ' (GitHub listed only the first 3,000 files)' : ''),
    `- Risk: ${risk.level} (score ${risk.score.toFixed(2)})`,
    ...risk.signals.map((signal) => `  - ${signal.id}: ${quoteInline(signal.message)}`),
    `- Review tier: ${route.tier}` +
      (route.reason === '' ? '' : `, chosen because ${quoteInline(route.reason)}`),
    route.tier === 'fast'
      ? '- This is the fast review: set escalate.needed when the change needs deeper reasoning.'
      : '- This is the deep review: set escalate.needed to false.',
  ];
  return [
    facts.join('\n'),
    `## Title\n\n${fenceData(fence, 'title', pr.title)}`,
    `## Description\n\n${renderBody(pr.body, fence)}`,
  ].join('\n\n');
};

/** Truncated on a code point boundary, with the cut announced on the block's label. */
export const truncateBody = (body: string): { readonly text: string; readonly cut: boolean } => {
  if (body.length <= MAX_BODY_CHARS) return { text: body, cut: false };
  let end = MAX_BODY_CHARS;
  const last = body.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: body.slice(0, end), cut: true };
};

const renderBody = (body: string, fence: string): string => {
  if (body.trim() === '') return '(no description)';
  const { text, cut } = truncateBody(body);
  const label = cut
    ? `description (the first ${text.length} of ${body.length} characters)`
    : 'description';
  return fenceData(fence, label, text);
};

export const renderOmissions = (omitted: readonly OmittedFile[]): string => {
  if (omitted.length === 0) return '';
  const listed = omitted
    .slice(0, MAX_LISTED_OMISSIONS)
    .map((file) => `- ${quoteInline(file.path)}: ${file.reason}`);
  const more = omitted.length - listed.length;
  if (more > 0) listed.push(`- and ${more} more`);
  return `## Files left out of this review\n\n${listed.join('\n')}`;
};

export const renderFilesHeading = (included: number, changed: number): string =>
  included === 0
    ? '## Changed files\n\nNo file diff fits in this review; review from the facts above.'
    : `## Changed files (${included} of ${changed}, most risky first)`;
