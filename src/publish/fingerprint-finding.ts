/**
 * A finding's fingerprint: the same problem on the same code gets the same one on every push,
 * wherever the code moved. It hashes the path, the text of the lines the finding points at
 * (whitespace collapsed), the category and the title (lower case, punctuation dropped); line
 * numbers are left out on purpose.
 */
import { createHash } from 'node:crypto';
import type { DiffModel, FileChange, Side } from '../domain/diff.js';
import type { Finding } from '../domain/model-answer.js';

/** 128 bits of sha256, in hex. */
const FINGERPRINT_HEX = 32;
const MARKER = /<!-- review-router:finding ([0-9a-f]{32}) -->/g;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const normalizeTitle = (title: string): string =>
  collapse(title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' '));

/** The text of lines `from`..`to` of one side of a file, as far as the diff shows them. */
export const linesOnSide = (file: FileChange, side: Side, from: number, to: number): string[] => {
  const lines: string[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      const number = side === 'RIGHT' ? line.newLine : line.oldLine;
      const onSide = side === 'RIGHT' ? line.kind !== 'del' : line.kind !== 'add';
      if (onSide && number !== null && number >= from && number <= to) lines.push(line.text);
    }
  }
  return lines;
};

/** The code a finding points at, normalised; looked up in each diff in turn, '' when none shows it. */
export const codeOf = (finding: Finding, diffs: readonly DiffModel[]): string => {
  const from = Math.min(finding.start_line ?? finding.line, finding.line);
  for (const diff of diffs) {
    const file = diff.files.find((candidate) => candidate.path === finding.path);
    if (file === undefined) continue;
    const lines = linesOnSide(file, finding.side, from, finding.line);
    if (lines.length > 0) return collapse(lines.join('\n'));
  }
  return '';
};

export const fingerprintFinding = (finding: Finding, diffs: readonly DiffModel[]): string =>
  createHash('sha256')
    .update(
      [
        finding.path,
        codeOf(finding, diffs),
        collapse(finding.category.toLowerCase()),
        normalizeTitle(finding.title),
      ].join('\u0000'),
    )
    .digest('hex')
    .slice(0, FINGERPRINT_HEX);

/** The fingerprints hidden in a comment's body by `fingerprintMarker`. */
export const readFingerprints = (body: string): string[] =>
  [...body.matchAll(MARKER)].map((match) => match[1] ?? '').filter(Boolean);
