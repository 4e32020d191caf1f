import type { Policy } from '../domain/policy.js';
import { err, type Result } from '../domain/result.js';
import type { GitHubPort, RepoRef } from '../github/types.js';
import { formatPolicyProblems } from '../policy/format-policy-problems.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { PolicyProblem } from '../policy/types.js';

export interface PolicyFailure {
  /** Markdown for the check run. */
  readonly markdown: string;
  /** One line for the ledger and the log. */
  readonly summary: string;
  readonly problems: readonly PolicyProblem[];
}

const summarize = (problem: PolicyProblem | undefined): string =>
  problem === undefined
    ? 'invalid policy file'
    : `${problem.file}${problem.line === null ? '' : ` line ${problem.line}`}: ${problem.path}: ${problem.message}`;

/** The policy from the default branch (never the pull request's head), or what is wrong with it. */
export const readPolicy = async (
  gh: Pick<GitHubPort, 'loadConfig' | 'readFile'>,
  ref: RepoRef,
): Promise<Result<Policy, PolicyFailure>> => {
  const loaded = await loadPolicy(gh, ref);
  if (loaded.ok) return loaded;
  return err({
    markdown: formatPolicyProblems(loaded.error),
    summary: summarize(loaded.error.problems[0]),
    problems: loaded.error.problems,
  });
};
