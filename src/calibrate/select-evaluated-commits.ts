import type { CalibrateOptions, InsufficientHistory } from './calibration.js';
import type { CommitInfo } from './types.js';

const DAY = 86_400;

export type Selection =
  | {
      readonly status: 'ok';
      readonly headSha: string;
      readonly headTime: number;
      readonly commits: readonly CommitInfo[];
    }
  | Omit<InsufficientHistory, 'elapsedMs'>;

const isoDate = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * The commits to evaluate: those with `followUpDays` of history after them, measured from the
 * newest commit (not today: a quiet repository has no newer evidence), on or after `since`,
 * the newest `maxCommits` of them. Too few is not an error but an answer that says why.
 */
export const selectEvaluatedCommits = (
  all: readonly CommitInfo[],
  options: Pick<CalibrateOptions, 'since' | 'followUpDays' | 'maxCommits' | 'minCommits'>,
): Selection => {
  const head = all.reduce<CommitInfo | null>(
    (newest, commit) =>
      newest === null || commit.commitTime > newest.commitTime ? commit : newest,
    null,
  );
  if (head === null) {
    return {
      status: 'insufficient-history',
      reason: 'the repository has no commits yet',
      totalCommits: 0,
      eligibleCommits: 0,
    };
  }
  const cutoff = head.commitTime - options.followUpDays * DAY;
  const eligible = all
    .filter((commit) => commit.commitTime <= cutoff)
    .filter((commit) => options.since === undefined || commit.commitTime >= options.since)
    .sort((a, b) => b.commitTime - a.commitTime);
  if (eligible.length < options.minCommits) {
    const since = options.since === undefined ? '' : ` and on or after ${isoDate(options.since)}`;
    return {
      status: 'insufficient-history',
      reason:
        `not enough follow-up history: a commit is measured only once ${options.followUpDays} days ` +
        `of history follow it, so with the newest commit on ${isoDate(head.commitTime)} only ` +
        `commits before ${isoDate(cutoff)}${since} count, and this repository has ` +
        `${eligible.length} of them (at least ${options.minCommits} are needed). ` +
        `Run calibrate again once the history is longer, or on a repository with more history.`,
      totalCommits: all.length,
      eligibleCommits: eligible.length,
    };
  }
  return {
    status: 'ok',
    headSha: head.sha,
    headTime: head.commitTime,
    commits: eligible.slice(0, options.maxCommits),
  };
};
