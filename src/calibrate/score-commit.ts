import { classifyChange } from '../classify/classify-change.js';
import { detectFileKind } from '../classify/detect-file-kind.js';
import { SIZE_CLASSES } from '../domain/classification.js';
import type { Policy } from '../domain/policy.js';
import type { PriceTable } from '../ledger/price-table.js';
import { subjectOf } from './detect-fix-message.js';
import type { ChangeHistory } from '../domain/history.js';
import { estimateCommitRoute } from './estimate-commit-route.js';
import type { CommitWithPatch, ScoredCommit } from './types.js';

/** A number in [0, 1) drawn from the sha alone: the random baseline, the same on every run. */
export const randomScoreOf = (sha: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < sha.length; index += 1) {
    hash ^= sha.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d) >>> 0;
  hash ^= hash >>> 12;
  return (hash >>> 0) / 2 ** 32;
};

export interface ScoreCommitOptions {
  readonly commit: CommitWithPatch;
  readonly policy: Policy;
  readonly prices: PriceTable;
  /** The prompt budget the app reviews with (MAX_INPUT_TOKENS). */
  readonly maxInputTokens: number;
  /** GitHub's author_association as history can tell it: FIRST_TIME_CONTRIBUTOR or null. */
  readonly authorAssociation: string | null;
  /** The history before the commit; null or absent scores it as a repository without history. */
  readonly history?: ChangeHistory | null;
}

/**
 * Scores one commit four ways: the classifier's risk score (what routing uses), and three
 * baselines: lines added (every file, as `git diff --numstat` counts them), the size class alone
 * (XS = 0 ... XL = 4) and a random number; with what the app would estimate its review to cost
 * and which tier it would get. The label is filled in later.
 */
export const scoreCommit = (options: ScoreCommitOptions): ScoredCommit => {
  const { commit, policy } = options;
  const classification = classifyChange({
    diff: commit.diff,
    policy,
    authorAssociation: options.authorAssociation,
    history: options.history ?? null,
  });
  return {
    sha: commit.sha,
    commitTime: commit.commitTime,
    subject: subjectOf(commit.message).slice(0, 120),
    scores: {
      classifier: classification.risk.score,
      'lines-added': commit.diff.additions,
      'size-class': SIZE_CLASSES.indexOf(classification.size),
      random: randomScoreOf(commit.sha),
    },
    signals: classification.risk.signals.map((signal) => signal.id),
    touchesSource: commit.diff.files.some((file) => detectFileKind(file.path) === 'source'),
    paths: commit.diff.files.map((file) => file.path),
    route: estimateCommitRoute({ ...options, classification }),
    bugInducing: false,
  };
};
