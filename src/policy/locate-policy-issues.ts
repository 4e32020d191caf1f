/** Turns issues found in one file into problems that cite its line and column. */
import { createYamlLocator } from './create-yaml-locator.js';
import { formatPolicyPath } from './format-policy-path.js';
import type { PolicyIssue, PolicyProblem } from './types.js';

export interface LocatePolicyIssuesOptions {
  readonly file: string;
  /** The file's raw text; null when it could not be read (the problems then have no line). */
  readonly text: string | null;
  readonly issues: readonly PolicyIssue[];
}

/** Problems in the order they appear in the file; unlocated ones keep their order, last. */
const byPosition = (a: PolicyProblem, b: PolicyProblem): number =>
  (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0);

export const locatePolicyIssues = ({
  file,
  text,
  issues,
}: LocatePolicyIssuesOptions): PolicyProblem[] => {
  const locate = text === null ? null : createYamlLocator(text);
  const problems = issues.map((issue): PolicyProblem => {
    const position = locate?.(issue.path, issue.at) ?? null;
    return {
      file,
      path: formatPolicyPath(issue.path),
      line: position?.line ?? null,
      column: position?.column ?? null,
      message: issue.message,
      hint: issue.hint,
    };
  });
  return problems.sort(byPosition);
};
