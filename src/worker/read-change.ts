import { fromGitHubFiles } from '../changes/from-github-files.js';
import type { ChangeHistory } from '../domain/history.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import type { PullState } from '../ledger/types.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { chooseReviewScope } from './choose-review-scope.js';
import type { JobRun } from './open-job.js';
import type { ReviewSubject } from './review-subject.js';

export interface ReadChangeOptions {
  readonly policy: Policy;
  readonly pr: PullRequestFacts;
  readonly pullState: PullState | null;
  /** The history index's answer for these paths (no GitHub call); absent: no history. */
  readonly historyOf?: (paths: readonly string[]) => Promise<ChangeHistory | null>;
}

/**
 * The pull request's files, with every secret redacted (no stage below sees one), scoped to what
 * changed since the last review on a push, and classified.
 */
export const readChange = async (
  run: JobRun,
  { policy, pr, pullState, historyOf }: ReadChangeOptions,
): Promise<ReviewSubject> => {
  const { files, truncated } = await run.gh.listFiles(run.ref);
  const redacted = redactSecrets(fromGitHubFiles(files, { truncated }), pr);
  if (redacted.report.findings.length + redacted.report.notes.length > 0)
    run.log.warn({ lines: redacted.report.findings.length }, 'possible secrets redacted');
  const history =
    historyOf === undefined
      ? null
      : await historyOf(redacted.diff.files.map((file) => file.path)).catch((error: unknown) => {
          run.log.warn({ err: error }, 'history index unreadable: classified without history');
          return null;
        });
  const scoped = await chooseReviewScope({
    job: run.job,
    gh: run.gh,
    ref: run.ref,
    policy,
    pr,
    pullDiff: redacted.diff,
    state: pullState,
    log: run.log,
    // A value found anywhere in the pull request is redacted in the increment too.
    redact: (increment) => redactSecrets(increment, pr, redacted.report.known).diff,
    history,
  });
  return {
    job: run.job,
    repo: run.repo,
    policy,
    pr: redacted.pr,
    diff: scoped.diff,
    pullDiff: redacted.diff,
    classification: scoped.classification,
    secrets: redacted.report,
    scope: scoped.scope,
    pullState,
    leftOut: scoped.leftOut,
  };
};
