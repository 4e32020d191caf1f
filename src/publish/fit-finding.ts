/**
 * Fits a finding to the lines GitHub can hold: a multi-line comment must stay within one hunk of
 * the diff, and a suggestion block must replace exactly the lines it covers on the new side.
 */
import type { FileChange, Side } from '../domain/diff.js';
import type { Finding } from '../domain/model-answer.js';
import { linesOnSide } from './fingerprint-finding.js';
import type { SuggestionMode } from './render-comment.js';

const hunkOf = (file: FileChange, side: Side, line: number): number =>
  file.hunks.findIndex((hunk) =>
    hunk.lines.some((candidate) =>
      side === 'RIGHT'
        ? candidate.kind !== 'del' && candidate.newLine === line
        : candidate.kind !== 'add' && candidate.oldLine === line,
    ),
  );

/** A finding whose range was cut to its last line: its suggestion was written for the range. */
export type FittedFinding = Finding & { readonly narrowed?: true };

/**
 * A range that does not run forward within one hunk becomes a comment on its last line alone
 * (GitHub rejects a range across hunks), marked `narrowed`. The same object comes back when
 * nothing changes.
 */
export const fitRange = (file: FileChange | undefined, finding: Finding): FittedFinding => {
  const start = finding.start_line;
  if (start === null) return finding;
  if (start === finding.line) return { ...finding, start_line: null };
  if (file === undefined) return finding;
  const last = hunkOf(file, finding.side, finding.line);
  if (start > finding.line || last === -1 || hunkOf(file, finding.side, start) !== last)
    return { ...finding, start_line: null, narrowed: true };
  return finding;
};

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * `block` when the finding's suggestion can replace the commented lines: the RIGHT side, every line
 * of the range shown in the diff; `none` when it would leave them as they are (a restatement);
 * `code` otherwise, shown for copying: also for a range cut to its last line, whose suggestion
 * would replace that one line with the whole range's code.
 */
export const suggestionMode = (
  file: FileChange | undefined,
  finding: FittedFinding,
): SuggestionMode => {
  if (finding.suggestion === null) return 'none';
  if (file === undefined || finding.side !== 'RIGHT' || finding.narrowed === true) return 'code';
  const from = finding.start_line ?? finding.line;
  const current = linesOnSide(file, 'RIGHT', from, finding.line);
  if (current.length !== finding.line - from + 1) return 'code';
  return collapse(current.join('\n')) === collapse(finding.suggestion) ? 'none' : 'block';
};
