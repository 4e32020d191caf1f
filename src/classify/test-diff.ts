/** Test helper: small diff models written by hand, for classify and route tests. */
import type { DiffLine, DiffModel, FileChange, FileStatus } from '../domain/diff.js';

export interface TestFileOptions {
  readonly status?: FileStatus;
  readonly previousPath?: string | null;
  /** Added line texts; they become one hunk and count as additions. */
  readonly added?: readonly string[];
  /** Counts on top of (or, without `added`, instead of) the lines above. */
  readonly additions?: number;
  readonly deletions?: number;
  readonly binary?: boolean;
  readonly patchAvailable?: boolean;
}

/** One changed file; `added` lines become a hunk starting at line 1 of the new file. */
export const testFile = (path: string, options: TestFileOptions = {}): FileChange => {
  const added = options.added ?? [];
  const lines: DiffLine[] = added.map((text, index) => ({
    kind: 'add',
    oldLine: null,
    newLine: index + 1,
    text,
  }));
  const binary = options.binary ?? false;
  return {
    path,
    previousPath: options.previousPath ?? null,
    status: options.status ?? 'modified',
    additions: binary ? 0 : (options.additions ?? added.length),
    deletions: binary ? 0 : (options.deletions ?? 0),
    binary,
    patchAvailable: options.patchAvailable ?? !binary,
    hunks:
      lines.length === 0
        ? []
        : [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: lines.length, section: '', lines }],
  };
};

/** A diff of the given files, with totals summed from them. */
export const testDiff = (files: readonly FileChange[]): DiffModel => ({
  files,
  additions: files.reduce((sum, file) => sum + file.additions, 0),
  deletions: files.reduce((sum, file) => sum + file.deletions, 0),
  truncated: false,
});
