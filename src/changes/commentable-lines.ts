import type { FileChange, Side } from '../domain/diff.js';
import type { CommentableLines } from './types.js';

const computed = new WeakMap<FileChange, CommentableLines>();

/**
 * The lines of a file an inline review comment may sit on. GitHub rejects a whole review when
 * one comment is elsewhere: RIGHT takes added and context lines by new-file number, LEFT takes
 * deleted and context lines by old-file number. A file without hunks has none.
 */
export function commentableLines(file: FileChange): CommentableLines {
  const known = computed.get(file);
  if (known !== undefined) return known;
  const right = new Set<number>();
  const left = new Set<number>();
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind !== 'del' && line.newLine !== null) right.add(line.newLine);
      if (line.kind !== 'add' && line.oldLine !== null) left.add(line.oldLine);
    }
  }
  const lines: CommentableLines = { right, left };
  computed.set(file, lines);
  return lines;
}

/** Whether an inline comment on this side and line of the file would be accepted by GitHub. */
export function isCommentable(file: FileChange, side: Side, line: number): boolean {
  const lines = commentableLines(file);
  return (side === 'RIGHT' ? lines.right : lines.left).has(line);
}
