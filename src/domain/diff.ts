/** The one diff model, built from GitHub's files API or from a unified `git diff`. */
export type FileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface DiffLine {
  readonly kind: 'add' | 'del' | 'context';
  /** Line number in the old file (deleted and context lines), else null. */
  readonly oldLine: number | null;
  /** Line number in the new file (added and context lines), else null. */
  readonly newLine: number | null;
  readonly text: string;
}

export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** The text after the second `@@`, usually the enclosing function. */
  readonly section: string;
  /**
   * A parsed patch makes these from its text when they are read (the last few hunks' are kept):
   * read them once per pass over a hunk rather than once per line.
   */
  readonly lines: readonly DiffLine[];
}

export interface FileChange {
  readonly path: string;
  readonly previousPath: string | null;
  readonly status: FileStatus;
  /** Counted as `git diff --numstat` counts them; zero for binary files. */
  readonly additions: number;
  readonly deletions: number;
  readonly binary: boolean;
  /** False when GitHub left the patch out (large or binary file): counts are known, lines are not. */
  readonly patchAvailable: boolean;
  readonly hunks: readonly Hunk[];
}

export interface DiffModel {
  readonly files: readonly FileChange[];
  readonly additions: number;
  readonly deletions: number;
  /** True when GitHub stopped listing at its 3,000-file limit. */
  readonly truncated: boolean;
}

export type Side = 'RIGHT' | 'LEFT';
