/** The changed files whose code context is read: those the review quotes, most risky first. */
import picomatch from 'picomatch';
import type { FileChange } from '../domain/diff.js';
import type { FileRisk } from '../domain/classification.js';

export const filesForContext = (
  files: readonly FileChange[],
  fileRisk: readonly FileRisk[],
  ignorePaths: readonly string[],
): FileChange[] => {
  const isIgnored = picomatch([...ignorePaths], { dot: true });
  const rank = new Map(fileRisk.map((entry, index) => [entry.path, index]));
  const unranked = rank.size;
  return files
    .filter((file) => !file.binary && file.patchAvailable && !isIgnored(file.path))
    .sort((a, b) => (rank.get(a.path) ?? unranked) - (rank.get(b.path) ?? unranked));
};
