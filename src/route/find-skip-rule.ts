import { matchesAny } from '../classify/match-paths.js';
import type { RouteInput, TierChoice } from './types.js';

const DOCUMENTATION = ['**/*.{md,mdx,markdown,rst,adoc}', '{docs,doc}/**'];

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Whether `skip.labels` holds this label, compared case-insensitively as GitHub does. */
export const isSkipLabel = (policy: Pick<RouteInput['policy'], 'skip'>, name: string): boolean =>
  policy.skip.labels.some((skipped) => sameName(name, skipped));

/** Whether a routing rule names this label in its `when.labels`, as the labels condition reads it. */
export const isRoutingLabel = (
  policy: Pick<RouteInput['policy'], 'routing'>,
  name: string,
): boolean =>
  policy.routing.rules.some((rule) =>
    (rule.when.labels ?? []).some((wanted) => sameName(name, wanted)),
  );

const skip = (reason: string, rule: string): TierChoice => ({ tier: 'skip', reason, rule });

/**
 * The first skip rule that applies, in this order: drafts, labels, authors, an empty change,
 * only_paths (every changed file matches; never when GitHub listed only the first 3,000 files, since
 * the rest may not match: padding a pull request must not get it out of review). Labels and logins
 * compare case-insensitively, as GitHub treats them.
 */
export const findSkipRule = (
  input: Pick<RouteInput, 'policy' | 'pr' | 'diff'>,
): TierChoice | null => {
  const { skip: rules } = input.policy;
  const { pr, diff } = input;
  if (rules.drafts && pr.draft) return skip('draft pull request (skip.drafts)', 'skip.drafts');
  const label = pr.labels.find((name) => isSkipLabel(input.policy, name));
  if (label !== undefined) return skip(`label ${label} (skip.labels)`, 'skip.labels');
  if (rules.authors.some((author) => sameName(author, pr.author))) {
    return skip(`author ${pr.author} (skip.authors)`, 'skip.authors');
  }
  if (diff.files.length === 0) return skip('no changed files', 'skip.empty');
  if (
    rules.only_paths.length > 0 &&
    !diff.truncated &&
    diff.files.every((file) => matchesAny(file.path, rules.only_paths))
  ) {
    const onlyDocs = diff.files.every((file) => matchesAny(file.path, DOCUMENTATION));
    return skip(
      onlyDocs
        ? 'only documentation changed (skip.only_paths)'
        : `only files matching ${rules.only_paths.join(', ')} changed (skip.only_paths)`,
      'skip.only_paths',
    );
  }
  return null;
};
