import type { FileChange } from '../../domain/diff.js';

export interface AddedLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Longer lines (minified code, data) are cut before pattern matching: it keeps every regular
 * expression linear in practice and such lines are not where a reviewer would look anyway.
 */
export const MAX_SCANNED_LINE_LENGTH = 2_000;

/** The added lines of a file, in order, each cut to MAX_SCANNED_LINE_LENGTH characters. */
export function* listAddedLines(file: FileChange): Generator<AddedLine> {
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind !== 'add') continue;
      yield {
        line: line.newLine ?? hunk.newStart,
        text:
          line.text.length > MAX_SCANNED_LINE_LENGTH
            ? line.text.slice(0, MAX_SCANNED_LINE_LENGTH)
            : line.text,
      };
    }
  }
}
