/**
 * Which of the model's findings are worth posting, before `min_severity` and `max_comments`:
 * no praise or restatement, nothing the model itself doubts, nothing said twice in one answer, and
 * nothing already posted on the pull request or resolved by a person in a review thread.
 */
import type { Finding } from '../domain/model-answer.js';
import { SEVERITIES } from '../domain/model-answer.js';

/** Findings the model is less sure of than this are not posted. */
export const MIN_CONFIDENCE = 0.5;

/** Categories that name no problem: a comment for them would be noise. */
const NOT_A_PROBLEM = new Set([
  'praise',
  'positive',
  'compliment',
  'kudos',
  'appreciation',
  'good-practice',
  'nice-work',
  'lgtm',
  'restatement',
  'summary',
  'no-issue',
  'none',
]);

export interface SelectFindingsOptions {
  readonly findings: readonly Finding[];
  readonly fingerprint: (finding: Finding) => string;
  /** Fingerprints of findings the app posted on this pull request before (the ledger). */
  readonly posted: ReadonlySet<string>;
  /** Fingerprints read back from review threads a person resolved. */
  readonly resolved: ReadonlySet<string>;
}

export interface SelectedFindings {
  /** The findings to place, most severe first within the answer's order, each with its fingerprint. */
  readonly findings: readonly Finding[];
  readonly fingerprints: ReadonlyMap<Finding, string>;
  readonly suppressed: {
    readonly notAProblem: number;
    readonly lowConfidence: number;
    /** The same fingerprint twice in this answer. */
    readonly repeated: number;
    readonly alreadyPosted: number;
    readonly resolved: number;
  };
}

const rank = (finding: Finding): number => SEVERITIES.indexOf(finding.severity);

const isNotAProblem = (finding: Finding): boolean =>
  NOT_A_PROBLEM.has(
    finding.category
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-'),
  );

export const selectFindings = (options: SelectFindingsOptions): SelectedFindings => {
  const suppressed = {
    notAProblem: 0,
    lowConfidence: 0,
    repeated: 0,
    alreadyPosted: 0,
    resolved: 0,
  };
  const chosen = new Map<string, Finding>();
  for (const finding of options.findings) {
    if (isNotAProblem(finding)) {
      suppressed.notAProblem += 1;
      continue;
    }
    if (typeof finding.confidence === 'number' && finding.confidence < MIN_CONFIDENCE) {
      suppressed.lowConfidence += 1;
      continue;
    }
    const fingerprint = options.fingerprint(finding);
    if (options.resolved.has(fingerprint)) {
      suppressed.resolved += 1;
      continue;
    }
    if (options.posted.has(fingerprint)) {
      suppressed.alreadyPosted += 1;
      continue;
    }
    const earlier = chosen.get(fingerprint);
    if (earlier !== undefined) {
      suppressed.repeated += 1;
      if (rank(finding) > rank(earlier)) chosen.set(fingerprint, finding);
      continue;
    }
    chosen.set(fingerprint, finding);
  }
  const fingerprints = new Map<Finding, string>();
  for (const [fingerprint, finding] of chosen) fingerprints.set(finding, fingerprint);
  return { findings: [...chosen.values()], fingerprints, suppressed };
};
