/**
 * The single-line secrets of consecutive lines, as ranges of each line. The lines are scanned as
 * one text (one pass per detector, not one per line); a range that spans a line break (a
 * secretlint rule may report a whole key block) is cut at each break.
 */
import { findTextSecrets } from './find-text-secrets.js';
import { type JoinedLines, joinLines, rangesByLine } from './joined-lines.js';
import type { SecretRange } from './types.js';

/** With `sparse`, a line without a secret has no entry (see `rangesByLine`). */
export const findJoinedSecrets = (joined: JoinedLines, sparse = false): SecretRange[][] =>
  rangesByLine(joined, findTextSecrets(joined.text), sparse);

export const findLinesSecrets = (lines: readonly string[]): SecretRange[][] =>
  findJoinedSecrets(joinLines(lines));

export const findLineSecrets = (line: string): SecretRange[] => findLinesSecrets([line])[0] ?? [];
