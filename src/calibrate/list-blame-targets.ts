import { detectFileKind } from '../classify/detect-file-kind.js';
import type { DiffModel } from '../domain/diff.js';
import type { BlameTarget } from './types.js';

/**
 * A fix that takes away more source lines than this is most likely a refactoring that mentions
 * a bug, not a fix: SZZ would label everything it rewrote. Such fixes are left out.
 */
export const MAX_FIX_DELETED_LINES = 500;

/** A line with nothing a defect could hide in: blank, a lone brace or bracket, or only a comment. */
const UNINTERESTING = /^\s*(?:[{}()[\];,]*\s*|(?:\/\/|#|\/\*|\*|\*\/|"""|''').*)$/;

/**
 * What SZZ blames in a fix: the old-side numbers of the source lines it deleted or changed, per
 * file, in the fix's parent. Tests, documents and configuration are not blamed, nor blank or
 * comment-only lines; a file the fix added or removed has no line to blame. `allFiles` blames
 * every text file instead: a check that the choice of labels does not decide the result.
 */
export const listBlameTargets = (diff: DiffModel, allFiles = false): BlameTarget[] => {
  const targets: BlameTarget[] = [];
  let total = 0;
  for (const file of diff.files) {
    if (file.status !== 'modified' && file.status !== 'renamed') continue;
    const path = file.previousPath ?? file.path;
    const source = detectFileKind(path) === 'source' && detectFileKind(file.path) === 'source';
    if (!source && !(allFiles && !file.binary)) continue;
    const lines: number[] = [];
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.kind !== 'del' || line.oldLine === null || UNINTERESTING.test(line.text)) continue;
        lines.push(line.oldLine);
      }
    }
    total += lines.length;
    if (lines.length > 0) targets.push({ path, lines });
  }
  return total > MAX_FIX_DELETED_LINES ? [] : targets;
};

/** `-L a,b` ranges for consecutive line numbers (sorted, deduplicated). */
export const toLineRanges = (lines: readonly number[]): [number, number][] => {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const line of sorted) {
    const last = ranges.at(-1);
    if (last !== undefined && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
};
