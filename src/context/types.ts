/** What the context stage takes and gives: code around the change, read from one commit. */

import type { ContextLevel } from '../domain/policy.js';

export { CONTEXT_LEVELS, type ContextLevel } from '../domain/policy.js';

/**
 * The code-source port: the files of one commit of the repository under review. Paths are
 * repository-relative; a path outside the repository is never read (`safeRepoPath`).
 */
export interface CodeSource {
  /** Every file path of the commit (one tree listing). */
  listPaths(): Promise<readonly string[]>;
  /** The text of each path that exists and is text; absent, binary or unsafe paths are left out. */
  readFiles(paths: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The pull request's head and, for callers of removed code, its base. */
export interface CodeSources {
  readonly head: CodeSource;
  readonly base: CodeSource | null;
}

export type ContextKind = 'file' | 'function' | 'definition' | 'caller' | 'test';

/** A named definition in a file, with its 1-based line range. */
export interface Definition {
  readonly name: string;
  readonly kind: 'function' | 'class' | 'type' | 'variable';
  readonly startLine: number;
  readonly endLine: number;
}

/** An identifier used on a line. */
export interface Use {
  readonly name: string;
  readonly line: number;
}

/** What the parser read from one file. */
export interface FileOutline {
  readonly definitions: readonly Definition[];
  readonly uses: readonly Use[];
  /** Import specifiers as written (`./a`, `pkg.mod`, `github.com/x/y`). */
  readonly imports: readonly string[];
}

/** One piece of code offered to the prompt, already redacted. */
export interface ContextItem {
  readonly path: string;
  readonly kind: ContextKind;
  readonly symbol: string | null;
  /** Why it is offered, for the report and the summary. */
  readonly reason: string;
  /** The first line of `text` in the file, 1-based. */
  readonly startLine: number;
  readonly text: string;
  /** The cheapest level that includes it. */
  readonly level: Exclude<ContextLevel, 'diff'>;
}

/** Everything a review could be given, most relevant first within each kind. */
export interface ContextPool {
  readonly items: readonly ContextItem[];
  /** Changed files whose text could not be read, with why: their context is left out. */
  readonly unread: readonly { readonly path: string; readonly reason: string }[];
}

export const EMPTY_POOL: ContextPool = { items: [], unread: [] };
