/** Test helper: the fields a parser case asserts, and a way to write the expected ones briefly. */
import type { FileChange } from '../domain/diff.js';

/** Hunks as [oldStart, oldLines, newStart, newLines]. */
export const summarize = (file: FileChange) => ({
  path: file.path,
  previousPath: file.previousPath,
  status: file.status,
  additions: file.additions,
  deletions: file.deletions,
  binary: file.binary,
  patchAvailable: file.patchAvailable,
  hunks: file.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines]),
});

export type Summary = ReturnType<typeof summarize>;

/** A modified text file with no counts, overridden by `fields`. */
export const changed = (path: string, fields: Partial<Summary> = {}): Summary => ({
  path,
  previousPath: null,
  status: 'modified',
  additions: 0,
  deletions: 0,
  binary: false,
  patchAvailable: true,
  hunks: [],
  ...fields,
});

/** Lines joined into patch text with a final newline. */
export const patch = (...lines: string[]): string => `${lines.join('\n')}\n`;
