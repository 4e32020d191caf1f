/**
 * The feedback job, queued when a pull request closes or reopens. It reads the pull request's
 * state from GitHub rather than trusting the event, so events that arrive late or twice change
 * nothing: closed, each finding gets its outcome from one read of its threads (the read replaces
 * the last one, so a pull request closed again is re-evaluated, not counted twice); open, its
 * findings are `open` again. Before the outcomes, the commits pushed since a finding's review are
 * read once (a compare per head a finding is still tracked at): a fix pushed just before the merge,
 * whose own review never ran or posted, changed the finding's lines all the same.
 */
import { fromGitHubFiles } from '../changes/from-github-files.js';
import type { FindingRecord, FindingSignal } from '../domain/finding-feedback.js';
import type { Log } from '../domain/log.js';
import { repoFullName, type ReviewJob } from '../domain/review-job.js';
import type { GitHubPort } from '../github/types.js';
import { decideOutcome } from './decide-outcome.js';
import { fileOfFinding, followFinding } from './follow-finding.js';
import { readThreadSignals } from './read-thread-signals.js';
import type { FindingFeedback, Settlement } from './types.js';

export interface SettleFeedbackDeps {
  readonly github: (installationId: number) => Promise<GitHubPort>;
  readonly ledger: Pick<
    FindingFeedback,
    'listPullFindings' | 'followPush' | 'settleFindings' | 'reopenFindings'
  >;
  readonly log: Log;
  readonly now: () => Date;
}

/** What the read at close contributes to the signals; the rest come from events and pushes. */
const CLOSE_SIGNALS: readonly FindingSignal[] = ['resolved', 'replied', '+1', '-1'];

/**
 * Follows the findings still tracked at an older head to the final one, as a reviewed push would:
 * one compare per such head. A head the branch no longer contains (a force-push) or a compare
 * GitHub refuses leaves its findings where they are.
 */
const followToClose = async (
  findings: readonly FindingRecord[],
  head: string,
  context: {
    readonly gh: GitHubPort;
    readonly job: ReviewJob;
    readonly at: string;
    readonly log: Log;
  },
  ledger: SettleFeedbackDeps['ledger'],
): Promise<void> => {
  const { gh, job } = context;
  const key = { repo: repoFullName(job), pr: job.pr };
  const bases = new Set(
    findings.map((finding) => finding.tracked.sha).filter((sha) => sha !== head),
  );
  for (const base of bases) {
    let compared;
    try {
      compared = await gh.compareCommits({ owner: job.owner, repo: job.repo }, { base, head });
    } catch (error) {
      // A commit GitHub no longer has is `found: false`; anything else is worth another attempt.
      context.log.warn(
        { base, err: error },
        'cannot compare with the head a finding was posted on: the job will be retried',
      );
      throw error;
    }
    if (!compared.found || compared.status === 'diverged' || compared.status === 'behind') continue;
    const diff = fromGitHubFiles(compared.files, { truncated: compared.filesCapped });
    await ledger.followPush({
      ...key,
      base,
      at: context.at,
      findings: findings
        .filter((finding) => finding.tracked.sha === base)
        .map((finding) => ({
          fingerprint: finding.fingerprint,
          ...followFinding(finding, fileOfFinding(diff, finding), head),
        })),
    });
  }
};

export const settleFeedback = async (job: ReviewJob, deps: SettleFeedbackDeps): Promise<void> => {
  const key = { repo: repoFullName(job), pr: job.pr };
  const log = deps.log.child({ deliveryId: job.deliveryId, ...key });
  const findings = await deps.ledger.listPullFindings(key);
  if (findings.length === 0) return;
  const gh = await deps.github(job.installationId);
  const ref = { owner: job.owner, repo: job.repo, pr: job.pr };
  const pull = await gh.getPullRequest(ref);
  if (pull.state === 'open') {
    await deps.ledger.reopenFindings(key);
    log.info({ findings: findings.length }, 'pull request open: its findings are open again');
    return;
  }
  const at = deps.now().toISOString();
  await followToClose(findings, pull.headSha, { gh, job, at, log }, deps.ledger);
  const followed = await deps.ledger.listPullFindings(key);
  const atClose = readThreadSignals(await gh.readFindingThreads(ref));
  const settlements = followed.map((finding): Settlement => {
    const read = atClose.get(finding.fingerprint) ?? new Set<FindingSignal>();
    return {
      fingerprint: finding.fingerprint,
      outcome: decideOutcome({ history: new Set(finding.signals), atClose: read }),
      closeSignals: CLOSE_SIGNALS.filter((signal) => read.has(signal)),
    };
  });
  const changes = await deps.ledger.settleFindings({ ...key, at, settlements });
  log.info({ findings: settlements.length, changed: changes.length }, 'findings settled at close');
};
