/**
 * A push's compare, kept to the pull request's own changes. A merge of the base branch into the
 * pull request brings the base's changes into the compare between two of its heads, in the
 * pull request's files too; they are not the pull request's, and are not reviewed as its own.
 *
 * Both diffs end at the new head, so their new sides number lines alike. A hunk of the compare is
 * the pull request's when it adds a line that the pull request's diff adds at the same number, or
 * deletes a line whose text the pull request's diff deletes from that file. A hunk that does
 * neither changed what the base and the head now share: the base's change, merged in (or a
 * change the pull request made and then took back). A file whose patch is unknown is kept whole.
 */
import type { DiffModel, FileChange, Hunk } from '../domain/diff.js';
import { countChangedLines } from './parse-hunks.js';

interface OwnLines {
  readonly added: ReadonlySet<number>;
  readonly deleted: ReadonlySet<string>;
}

const ownLinesOf = (file: FileChange): OwnLines => {
  const added = new Set<number>();
  const deleted = new Set<string>();
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === 'add' && line.newLine !== null) added.add(line.newLine);
      else if (line.kind === 'del') deleted.add(line.text);
    }
  }
  return { added, deleted };
};

const isOwn = (hunk: Hunk, own: OwnLines): boolean =>
  hunk.lines.some((line) =>
    line.kind === 'add'
      ? line.newLine !== null && own.added.has(line.newLine)
      : line.kind === 'del' && own.deleted.has(line.text),
  );

/** `increment` (files the pull request also changes) with only the hunks that are its own. */
export const keepOwnHunks = (increment: DiffModel, pullDiff: DiffModel): DiffModel => {
  const pullFiles = new Map(pullDiff.files.map((file) => [file.path, file]));
  const files = increment.files.flatMap((file): FileChange[] => {
    const pullFile = pullFiles.get(file.path);
    if (pullFile === undefined || !file.patchAvailable || !pullFile.patchAvailable) return [file];
    if (file.hunks.length === 0) return [file];
    const own = ownLinesOf(pullFile);
    const hunks = file.hunks.filter((hunk) => isOwn(hunk, own));
    if (hunks.length === file.hunks.length) return [file];
    if (hunks.length === 0) return [];
    return [{ ...file, hunks, ...countChangedLines(hunks) }];
  });
  return {
    ...increment,
    files,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
  };
};
