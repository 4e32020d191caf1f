/**
 * The second, per-repository part of the prompt: the policy's review settings and the maintainers'
 * instructions. The policy is read from the default branch, never from the pull request's head, so
 * this text is trusted, unlike anything the pull request carries.
 */
import picomatch from 'picomatch';
import type { Policy } from '../domain/policy.js';
import { redactText } from '../secrets/redact-text.js';
import { MAX_FINDINGS } from './max-findings.js';

export interface RepositoryContextInput {
  readonly review: Policy['review'];
  /** Changed paths the review covers (not ignored by policy), to select `path_instructions`. */
  readonly paths: readonly string[];
}

export const buildRepositoryContext = ({ review, paths }: RepositoryContextInput): string => {
  const maxFindings = Math.min(review.max_comments, MAX_FINDINGS);
  const settings = [
    '# This repository',
    '',
    `- Report findings of severity \`${review.min_severity}\` or higher only; lower ones are not posted.`,
    `- Report at most ${maxFindings} findings, the most important first.`,
  ].join('\n');
  const maintainers: string[] = [];
  const instructions = review.instructions.trim();
  if (instructions !== '') {
    maintainers.push(`## The maintainers' instructions\n\n${instructions}`);
  }
  const pathSections = review.path_instructions
    .filter((entry) => entry.instructions.trim() !== '' && matchesAny(entry.paths, paths))
    .map(
      (entry) =>
        `### Files matching ${entry.paths.map((glob) => `\`${glob}\``).join(', ')}\n\n${entry.instructions.trim()}`,
    );
  if (pathSections.length > 0) {
    maintainers.push(
      `## The maintainers' instructions for some paths\n\n${pathSections.join('\n\n')}`,
    );
  }
  if (maintainers.length === 0) return settings;
  // Trusted text, but a maintainer may paste a credential into it: it is redacted like the rest.
  return `${settings}\n\n${redactText(maintainers.join('\n\n')).text}`;
};

const matchesAny = (globs: readonly string[], paths: readonly string[]): boolean => {
  if (globs.length === 0) return false;
  const isMatch = picomatch([...globs], { dot: true });
  return paths.some((path) => isMatch(path));
};
