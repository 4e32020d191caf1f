import type { Policy } from '../domain/policy.js';
import { err, ok, type Result } from '../domain/result.js';
import type { GitHubPort, RepoRef } from '../github/types.js';
import { formatPolicyProblems } from '../policy/format-policy-problems.js';
import { describeUnreadExtends, type UnreadExtends } from '../policy/find-unread-extends.js';
import type { Log } from '../domain/log.js';
import { withCheckLines, type JobOutcome } from './job-outcome.js';
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

export interface PolicyRead {
  readonly policy: Policy;
  /** A file an `_extends` names that could not be read, for the check run to say so. */
  readonly unread: UnreadExtends | null;
}

/** The policy from the default branch (never the pull request's head), or what is wrong with it. */
export const readPolicy = async (
  gh: Pick<GitHubPort, 'loadConfig' | 'readFile'>,
  ref: RepoRef,
  log: Log,
): Promise<Result<PolicyRead, PolicyFailure>> => {
  let unread: UnreadExtends | null = null;
  const loaded = await loadPolicy(gh, ref, {
    onUnreadExtends: (found) => {
      unread = found;
      log.warn(
        found,
        'policy: a file named by _extends could not be read; its settings do not apply',
      );
    },
  });
  if (loaded.ok) return ok({ policy: loaded.value, unread });
  return err({
    markdown: formatPolicyProblems(loaded.error),
    summary: summarize(loaded.error.problems[0]),
    problems: loaded.error.problems,
  });
};

/** The outcome with the check run saying which `_extends` file did not apply, if one did not. */
export const noteUnreadExtends = (outcome: JobOutcome, unread: UnreadExtends | null): JobOutcome =>
  unread === null ? outcome : withCheckLines(outcome, [describeUnreadExtends(unread)]);
