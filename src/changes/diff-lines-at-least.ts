import type { FileChange } from '../domain/diff.js';
import { hunkSource } from './parse-hunks.js';

/**
 * A lower bound on the lines of `formatFileForPrompt(file)` that render a diff line (each starts
 * with its side letter): the lines of its hunks that came from a parsed patch, counted without
 * reading them.
 */
export const diffLinesAtLeast = (file: FileChange): number => {
  let lines = 0;
  for (const hunk of file.hunks) lines += hunkSource(hunk)?.lines ?? 0;
  return lines;
};
