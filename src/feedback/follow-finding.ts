/**
 * What a push did to the lines a finding points at, read from the compare between the head the
 * finding is tracked at and the new head: whether a later commit changed them (and whether the
 * new lines are its suggestion), and where they are now.
 */
import type { DiffModel, FileChange } from '../domain/diff.js';
import type { FindingSignal, TrackedLines } from '../domain/finding-feedback.js';

export interface FollowInput {
  readonly path: string;
  readonly side: 'LEFT' | 'RIGHT';
  readonly suggestion: string | null;
  readonly tracked: TrackedLines;
}

export interface Followed {
  readonly tracked: TrackedLines;
  readonly signals: readonly FindingSignal[];
}

const trimmed = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Whether `needle` occurs in `haystack` as consecutive lines. */
const containsRun = (haystack: readonly string[], needle: readonly string[]): boolean =>
  needle.length > 0 &&
  haystack.some((_, start) => needle.every((line, i) => haystack[start + i] === line));

/** Where a finding's file is at the head it is tracked at: its posted path, or where it moved. */
const pathOf = (finding: Pick<FollowInput, 'path' | 'tracked'>): string =>
  finding.tracked.path ?? finding.path;

/** The compare's entry for the file a finding sits in, under its new name after a rename. */
export const fileOfFinding = (
  diff: DiffModel,
  finding: Pick<FollowInput, 'path' | 'tracked'>,
): FileChange | undefined => {
  const path = pathOf(finding);
  return diff.files.find((file) => file.path === path || file.previousPath === path);
};

/**
 * `file` is the compare's entry for the finding's file (undefined: the push did not touch it).
 * Lines on the LEFT side were deleted by the pull request: no later commit can change them.
 */
export const followFinding = (
  finding: FollowInput,
  file: FileChange | undefined,
  head: string,
): Followed => {
  const { line, startLine } = finding.tracked;
  const unchanged = { tracked: { ...finding.tracked, sha: head }, signals: [] };
  if (file === undefined || finding.side === 'LEFT') return unchanged;
  // GitHub gave no patch (a large file): where the lines went is unknown, so the finding stays
  // where it was, for a later compare to look again.
  if (!file.patchAvailable) return { tracked: finding.tracked, signals: [] };
  if (file.status === 'removed') return { ...unchanged, signals: ['lines-changed'] };
  const from = Math.min(startLine ?? line, line);
  const to = line;
  let changed = false;
  let shiftFrom = 0;
  let shiftTo = 0;
  /** The added lines of the hunks that touch the finding's lines, and how many of its lines went. */
  const added: string[] = [];
  let deleted = 0;
  let insertedInPlace = 0;
  for (const hunk of file.hunks) {
    const hunkAdded: string[] = [];
    // The old line an added line follows: an insertion after it and before `to` is inside.
    let previousOld = hunk.oldStart - (hunk.oldLines === 0 ? 0 : 1);
    let touches = false;
    for (const diffLine of hunk.lines) {
      if (diffLine.kind === 'add') {
        if (previousOld >= from && previousOld < to) touches = true;
        // In the range's place: next to or among its lines, or after the last of them deleted.
        if (previousOld >= from - 1 && previousOld <= to) insertedInPlace += 1;
        if (previousOld < from) shiftFrom += 1;
        if (previousOld < to) shiftTo += 1;
        hunkAdded.push(diffLine.text.trim());
        continue;
      }
      const old = diffLine.oldLine ?? previousOld;
      previousOld = old;
      if (diffLine.kind === 'del') {
        if (old >= from && old <= to) {
          touches = true;
          deleted += 1;
        }
        if (old < from) shiftFrom -= 1;
        if (old < to) shiftTo -= 1;
      }
    }
    if (touches) {
      changed = true;
      added.push(...hunkAdded);
    }
  }
  const moved = {
    // A renamed file is followed under its new name from now on.
    ...(file.path === finding.path ? {} : { path: file.path }),
    sha: head,
    line: Math.max(1, to + shiftTo),
    startLine: startLine === null ? null : Math.max(1, from + shiftFrom),
  };
  if (!changed) return { tracked: moved, signals: [] };
  // An empty suggestion deletes the lines: applied when they all went and nothing came in between.
  const suggestionApplied = (suggestion: string): boolean => {
    const wanted = trimmed(suggestion);
    return wanted.length === 0
      ? deleted === to - from + 1 && insertedInPlace === 0
      : containsRun(added, wanted);
  };
  const applied = finding.suggestion !== null && suggestionApplied(finding.suggestion);
  return {
    tracked: moved,
    signals: applied ? ['lines-changed', 'suggestion-applied'] : ['lines-changed'],
  };
};
