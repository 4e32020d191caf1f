import type { DiffModel, FileChange } from '../domain/diff.js';
import type { Finding, Severity } from '../domain/model-answer.js';
import { SEVERITIES } from '../domain/model-answer.js';

export type IsCommentable = (file: FileChange, side: Finding['side'], line: number) => boolean;

export interface PlaceFindingsOptions {
  readonly diff: DiffModel;
  readonly findings: readonly Finding[];
  readonly minSeverity: Severity;
  readonly maxComments: number;
  readonly isCommentable: IsCommentable;
}

export interface PlacedFindings {
  /** Findings on lines GitHub accepts an inline comment on. */
  readonly inline: readonly Finding[];
  /** Findings whose line is not in the diff: they go to the review body. */
  readonly inBody: readonly Finding[];
  /** Findings below the policy's min_severity. */
  readonly belowSeverity: number;
  /** Findings past max_comments. */
  readonly overLimit: number;
}

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** A multi-line finding is inline only when its whole range is commentable on one side. */
const fitsInline = (file: FileChange, finding: Finding, isCommentable: IsCommentable): boolean => {
  if (!isCommentable(file, finding.side, finding.line)) return false;
  const start = finding.start_line;
  if (start === null || start === finding.line) return true;
  if (start > finding.line) return false;
  return isCommentable(file, finding.side, start);
};

export const placeFindings = (options: PlaceFindingsOptions): PlacedFindings => {
  const files = new Map(options.diff.files.map((file) => [file.path, file]));
  const kept = options.findings
    .filter((finding) => rank(finding.severity) >= rank(options.minSeverity))
    .sort((a, b) => rank(b.severity) - rank(a.severity));
  const shown = kept.slice(0, options.maxComments);
  const inline: Finding[] = [];
  const inBody: Finding[] = [];
  for (const finding of shown) {
    const file = files.get(finding.path);
    if (file && fitsInline(file, finding, options.isCommentable)) inline.push(finding);
    else inBody.push(finding);
  }
  return {
    inline,
    inBody,
    belowSeverity: options.findings.length - kept.length,
    overLimit: kept.length - shown.length,
  };
};
