/** The policy stage's data: where a problem in a policy file is and what to do about it. */

/** The path a policy file puts at; `loadPolicy` reads it from the default branch only. */
export const POLICY_PATH = '.github/review-router.yml';

/** One segment of a path inside a policy file: a key, or an index in a list. */
export type PathSegment = string | number;

export interface PolicyProblem {
  /** The file, e.g. `acme/api:.github/review-router.yml` (or the path given to the CLI). */
  readonly file: string;
  /** Where in the file, e.g. `routing.rules[0].when.lables`; empty for the whole file. */
  readonly path: string;
  /** 1-based; null when the file's text could not be read. */
  readonly line: number | null;
  readonly column: number | null;
  /** What is wrong: "unknown key 'lables'". */
  readonly message: string;
  /** How to fix it, when we can tell: "did you mean 'labels'?". */
  readonly hint: string | null;
}

export interface PolicyError {
  readonly problems: readonly PolicyProblem[];
}

/**
 * A problem found in a parsed file, before it is located in the file's text. `at` says what to
 * point at: the key itself (an unknown key) or its value (a wrong value).
 */
export interface PolicyIssue {
  readonly path: readonly PathSegment[];
  readonly at: 'key' | 'value';
  readonly message: string;
  readonly hint: string | null;
}

/** One policy file as read: its name and its parsed content. */
export interface PolicyLayer {
  readonly file: string;
  readonly config: unknown;
}
