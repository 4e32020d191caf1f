/** The policy for a repository, read through the GitHub port from the default branch. */
import type { Policy } from '../domain/policy.js';
import { err, ok, type Result } from '../domain/result.js';
import type { GitHubPort, LoadedConfig, PolicyFileSource, RepoRef } from '../github/types.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { explainConfigLoadError } from './explain-config-load-error.js';
import { findUnreadExtends, type UnreadExtends } from './find-unread-extends.js';
import { locatePolicyIssues } from './locate-policy-issues.js';
import { POLICY_PATH, type PolicyError, type PolicyIssue, type PolicyProblem } from './types.js';
import { validatePolicyLayers } from './validate-policy-layers.js';

export type PolicySource = Pick<GitHubPort, 'loadConfig' | 'readFile'>;

const nameOf = (file: PolicyFileSource): string => `${file.owner}/${file.repo}:${file.path}`;

/** The raw text is only for citing lines: when it cannot be read, problems go without one. */
const readText = (source: PolicySource, file: PolicyFileSource): Promise<string | null> =>
  source.readFile({ owner: file.owner, repo: file.repo }, file.path).catch(() => null);

export interface LoadPolicyOptions {
  /** Told of a file an `_extends` names that could not be read (the policy goes on without it). */
  readonly onUnreadExtends?: (unread: UnreadExtends) => void;
}

/**
 * Follows `_extends` and the org's `.github` repository (through `loadConfig`), validates every
 * file on its own so a problem names the file it is in, and layers them over the defaults.
 * No policy file anywhere is the default policy.
 */
export const loadPolicy = async (
  source: PolicySource,
  ref: RepoRef,
  options: LoadPolicyOptions = {},
): Promise<Result<Policy, PolicyError>> => {
  let loaded: LoadedConfig;
  try {
    loaded = await source.loadConfig(ref, POLICY_PATH);
  } catch (error) {
    const problems = await explainConfigLoadError(source, error);
    if (problems === null) throw error;
    return err({ problems });
  }
  const unread = findUnreadExtends(loaded.files);
  if (unread !== null) options.onUnreadExtends?.(unread);
  // The config plugin lists the repository's own file first and the files it extends after
  // it (see getConfigFiles in @probot/octokit-plugin-config): parents come last, so reverse.
  const files = loaded.files.filter((file) => file.config !== null).reverse();
  if (files.length === 0) return ok(DEFAULT_POLICY);

  const result = validatePolicyLayers(
    files.map((file) => ({ file: nameOf(file), config: file.config })),
  );
  if (result.ok) return result;

  const problems: PolicyProblem[] = [];
  // Report the repository's own file first: it is the one a maintainer usually edits.
  for (const [layer, file] of [...files.entries()].reverse()) {
    const issues: PolicyIssue[] = result.error
      .filter((entry) => entry.layer === layer)
      .map((entry) => entry.issue);
    if (issues.length === 0) continue;
    const text = await readText(source, file);
    problems.push(...locatePolicyIssues({ file: nameOf(file), text, issues }));
  }
  return err({ problems });
};
