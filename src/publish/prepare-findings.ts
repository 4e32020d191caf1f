import type { Finding } from '../domain/model-answer.js';
import { fitRange } from './fit-finding.js';
import { fingerprintFinding, readFingerprints } from './fingerprint-finding.js';
import type { PublishPorts, ReviewedChange } from './reviewed-change.js';
import { selectFindings, type SelectedFindings } from './select-findings.js';

export interface PreparedFindings {
  /** Worth posting, not posted before, with ranges fitted to the pull request's diff. */
  readonly findings: readonly Finding[];
  readonly fingerprints: ReadonlyMap<Finding, string>;
  readonly suppressed: SelectedFindings['suppressed'];
}

/**
 * Fingerprints of findings in review threads a person resolved. Read only when the app has posted
 * on the pull request before (no thread of its own can exist otherwise); a failure to read them
 * costs a possible repeat, not the review.
 */
const readResolved = async (
  ports: Pick<PublishPorts, 'gh' | 'ref' | 'log'>,
  postedBefore: number,
): Promise<Set<string>> => {
  if (postedBefore === 0) return new Set();
  try {
    const threads = await ports.gh.listReviewThreads(ports.ref);
    return new Set(
      threads
        .filter((thread) => thread.isResolved)
        .flatMap((thread) => thread.comments.flatMap((comment) => readFingerprints(comment.body))),
    );
  } catch (error) {
    ports.log.warn({ err: error }, 'cannot read review threads: resolved findings may repeat');
    return new Set();
  }
};

/**
 * The findings of one answer (and the secrets found before redaction) that deserve a comment:
 * fingerprinted on the code they point at, then without praise, low-confidence findings, repeats
 * within the answer, findings posted on the pull request before and findings whose thread a person
 * resolved. `min_severity` and `max_comments` apply afterwards, to what is left.
 */
export const prepareFindings = async (
  change: Pick<ReviewedChange, 'repo' | 'job' | 'diff' | 'pullDiff'>,
  findings: readonly Finding[],
  ports: Pick<PublishPorts, 'gh' | 'ref' | 'log' | 'ledger'>,
): Promise<PreparedFindings> => {
  const { pullDiff } = change;
  const posted = await ports.ledger.listPostedFindings({ repo: change.repo, pr: change.job.pr });
  const selected = selectFindings({
    findings,
    // A full review fingerprints the new side on the pull request's diff, so a push does too: the
    // compare may show only part of a range. The old side of a push is the previous head's.
    fingerprint: (finding) =>
      fingerprintFinding(
        finding,
        finding.side === 'RIGHT' ? [pullDiff, change.diff] : [change.diff, pullDiff],
      ),
    posted: new Set(posted.map((row) => row.fingerprint)),
    resolved: await readResolved(ports, posted.length),
  });
  const files = new Map(pullDiff.files.map((file) => [file.path, file]));
  const fingerprints = new Map<Finding, string>();
  const fitted = selected.findings.map((finding) => {
    const fit = fitRange(files.get(finding.path), finding);
    fingerprints.set(fit, selected.fingerprints.get(finding) ?? '');
    return fit;
  });
  return { findings: fitted, fingerprints, suppressed: selected.suppressed };
};
