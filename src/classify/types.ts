import type { RiskSignal } from '../domain/classification.js';
import type { DiffModel, FileChange } from '../domain/diff.js';
import type { ChangeHistory } from '../domain/history.js';
import type { Policy } from '../domain/policy.js';

export interface ClassifyInput {
  readonly diff: DiffModel;
  readonly policy: Policy;
  /** The pull request author's association (GitHub's `author_association`); null offline. */
  readonly authorAssociation?: string | null;
  /** The repository's history before the change, for its paths; null or absent without history. */
  readonly history?: ChangeHistory | null;
}

/** One file with the facts every signal needs, computed once per classification. */
export interface FileFacts {
  readonly file: FileChange;
  readonly path: string;
  /** The path and, for a rename or copy, the previous path: a file moved out of src/auth/ touches it. */
  readonly paths: readonly string[];
  /** additions + deletions of this file. */
  readonly changedLines: number;
  /** Matches `policy.review.ignore_paths`: counts for nothing but dependency-manifest. */
  readonly ignored: boolean;
  readonly isTest: boolean;
  /** Source code in a common language, tests excluded. */
  readonly isSource: boolean;
}

export interface SignalContext {
  readonly policy: Policy;
  /** Every file of the diff, in diff order. */
  readonly files: readonly FileFacts[];
  /** The files that are not ignored: the ones that raise risk. */
  readonly counted: readonly FileFacts[];
  /** additions + deletions of the counted files: what size and large-change measure. */
  readonly changedLines: number;
  readonly authorAssociation: string | null;
  /** The repository's history before the change; null without history (no history signal speaks). */
  readonly history: ChangeHistory | null;
}

/** Every signal has this shape: it looks at the change and speaks up, or returns null. */
export type DetectSignal = (ctx: SignalContext) => RiskSignal | null;
