/**
 * Probot's config loader throws, rather than returns, when a file is not YAML, is not a mapping,
 * or has an `_extends` it cannot follow. Those are mistakes in a policy file, so they become
 * located problems like any other; every other error is not ours to explain.
 */
import type { GitHubPort } from '../github/types.js';
import { locatePolicyIssues } from './locate-policy-issues.js';
import { parsePolicyText } from './parse-policy-text.js';
import type { PolicyIssue, PolicyProblem } from './types.js';

const PLUGIN = '[@probot/octokit-plugin-config]';
const CONTENTS_URL = /\/repos\/([^/\s]+)\/([^/\s]+)\/contents\/([^\s?#"]+)/;
const EXTENDS_HINT =
  "write a repository ('.github'), 'owner/repo', or 'owner/repo:path/to/file.yml'";

/** The plugin's message, wherever an adapter put the plugin's error (itself or a cause). */
const pluginMessage = (error: unknown): string | null => {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current.message.includes(PLUGIN)) return current.message;
    current = current.cause;
  }
  return null;
};

const issueFor = (message: string): PolicyIssue | null => {
  if (/ for _extends in /.test(message)) {
    const value = /Invalid value (.*) for _extends/.exec(message)?.[1] ?? '';
    return {
      path: ['_extends'],
      at: 'value',
      message: `cannot follow _extends ${value}`,
      hint: EXTENDS_HINT,
    };
  }
  if (message.includes('Recursion detected')) {
    const hint = 'remove _extends from one of the files in the chain';
    return {
      path: ['_extends'],
      at: 'value',
      message: '_extends leads back to a file already read',
      hint,
    };
  }
  if (message.includes('is either a directory or a submodule')) {
    return {
      path: [],
      at: 'value',
      message: 'is a directory or a submodule, not a file',
      hint: null,
    };
  }
  return null;
};

/** Located problems for a config-loader error about a policy file; null for any other error. */
export const explainConfigLoadError = async (
  source: Pick<GitHubPort, 'readFile'>,
  error: unknown,
): Promise<PolicyProblem[] | null> => {
  const message = pluginMessage(error);
  const match = message === null ? null : CONTENTS_URL.exec(message);
  if (message === null || match === null) return null;
  const issue = issueFor(message);
  const unparsable = message.includes('could not be parsed');
  if (issue === null && !unparsable) return null;

  const [, owner = '', repo = '', encodedPath = ''] = match;
  const path = decodeURIComponent(encodedPath);
  const file = `${owner}/${repo}:${path}`;
  const text = await source.readFile({ owner, repo }, path).catch(() => null);
  if (issue !== null) return locatePolicyIssues({ file, text, issues: [issue] });

  const parsed = text === null ? null : parsePolicyText(text, file);
  if (parsed !== null && !parsed.ok) return [...parsed.error.problems];
  const what = message.includes('not an object')
    ? 'expected a mapping of policy keys'
    : 'invalid YAML';
  return [{ file, path: '', line: null, column: null, message: what, hint: null }];
};
