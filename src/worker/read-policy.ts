import type { Policy } from '../domain/policy.js';
import { errorMessage } from '../domain/errors.js';
import { err, type Result } from '../domain/result.js';
import type { GitHubPort, RepoRef } from '../github/types.js';
import { formatPolicyProblems } from '../policy/format-policy-problems.js';
import { loadPolicy } from '../policy/load-policy.js';
import { parsePolicyText } from '../policy/parse-policy-text.js';
import { POLICY_PATH } from '../policy/types.js';

export interface PolicyFailure {
  /** Markdown for the check run. */
  readonly markdown: string;
  /** One line for the ledger and the log. */
  readonly summary: string;
  readonly problems: readonly unknown[];
}

const isUnparsableConfig = (error: unknown): boolean =>
  /could not be parsed|not an object|extension is not support|Recursion detected/.test(errorMessage(error));

/**
 * The policy from the default branch (never the pull request's head). Probot's loader throws on
 * YAML it cannot parse; then the repository's own file is parsed here again to say where.
 */
export const readPolicy = async (
  gh: Pick<GitHubPort, 'loadConfig' | 'readFile'>,
  ref: RepoRef,
): Promise<Result<Policy, PolicyFailure>> => {
  try {
    const loaded = await loadPolicy(gh, ref);
    if (loaded.ok) return loaded;
    const markdown = formatPolicyProblems(loaded.error);
    const first = loaded.error.problems[0];
    const summary = first ? `${first.file}${first.line === null ? '' : ` line ${first.line}`}: ${first.path}: ${first.message}` : 'invalid policy';
    return err({ markdown, summary, problems: loaded.error.problems });
  } catch (error) {
    if (!isUnparsableConfig(error)) throw error;
    const text = await gh.readFile(ref, POLICY_PATH);
    const file = `${ref.owner}/${ref.repo}:${POLICY_PATH}`;
    if (text !== null) {
      const parsed = parsePolicyText(text, file);
      if (!parsed.ok) {
        const first = parsed.error.problems[0];
        return err({
          markdown: formatPolicyProblems(parsed.error),
          summary: first ? `${file} line ${first.line ?? '?'}: ${first.message}` : 'invalid policy',
          problems: parsed.error.problems,
        });
      }
    }
    const message = errorMessage(error).replace('[@probot/octokit-plugin-config] ', '');
    return err({
      markdown: `${message}\n\nFix the file on the default branch; review-router reads the policy from there, never from the pull request.`,
      summary: message,
      problems: [message],
    });
  }
};

