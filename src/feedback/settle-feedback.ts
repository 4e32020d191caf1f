/**
 * The feedback job, queued when a pull request closes or reopens. It reads the pull request's
 * state from GitHub rather than trusting the event, so events that arrive late or twice change
 * nothing: closed, each finding gets its outcome from one read of its threads (the read replaces
 * the last one, so a pull request closed again is re-evaluated, not counted twice); open, its
 * findings are `open` again.
 */
import type { FindingSignal } from '../domain/finding-feedback.js';
import type { Log } from '../domain/log.js';
import { repoFullName, type ReviewJob } from '../domain/review-job.js';
import type { GitHubPort } from '../github/types.js';
import { decideOutcome } from './decide-outcome.js';
import { readThreadSignals } from './read-thread-signals.js';
import type { FindingFeedback, Settlement } from './types.js';

export interface SettleFeedbackDeps {
  readonly github: (installationId: number) => Promise<GitHubPort>;
  readonly ledger: Pick<FindingFeedback, 'listPullFindings' | 'settleFindings' | 'reopenFindings'>;
  readonly log: Log;
  readonly now: () => Date;
}

/** What the read at close contributes to the signals; the rest come from events and pushes. */
const CLOSE_SIGNALS: readonly FindingSignal[] = ['resolved', 'replied', '+1', '-1'];

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
  const atClose = readThreadSignals(await gh.readFindingThreads(ref));
  const settlements = findings.map((finding): Settlement => {
    const read = atClose.get(finding.fingerprint) ?? new Set<FindingSignal>();
    return {
      fingerprint: finding.fingerprint,
      outcome: decideOutcome({ history: new Set(finding.signals), atClose: read }),
      closeSignals: CLOSE_SIGNALS.filter((signal) => read.has(signal)),
    };
  });
  const changes = await deps.ledger.settleFindings({
    ...key,
    at: deps.now().toISOString(),
    settlements,
  });
  log.info({ findings: settlements.length, changed: changes.length }, 'findings settled at close');
};
