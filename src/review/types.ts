/** What the review stage takes and gives: the prompt for one pull request within a token budget. */
import type { Classification } from '../domain/classification.js';
import type { DiffModel, FileChange } from '../domain/diff.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import type { Tier } from '../domain/review-job.js';
import type { ContextLevel, ContextPool } from '../context/types.js';
import type { ContextEntry } from './select-code-context.js';

export interface BuildPromptInput {
  readonly policy: Policy;
  readonly classification: Classification;
  readonly diff: DiffModel;
  readonly pr: PullRequestFacts;
  readonly route: { readonly tier: Tier; readonly reason: string };
  /** The budget for system + repository context + prompt, counted with `countTokens`. */
  readonly maxInputTokens: number;
  /** Renders one file's diff with citable line numbers (the changes stage's `formatFileForPrompt`). */
  readonly formatFile: (file: FileChange) => string;
  /**
   * The fence of a draft that is counted, never sent (the tiers' estimates): choosing one from
   * everything quoted reads every file, and a draft needs only a fence's length and kind of
   * characters. Absent: chosen from everything quoted, as a prompt that is sent must be.
   */
  readonly draftFence?: string;
  /** Code around the change (`context/gather-context.ts`); absent: the diff alone. */
  readonly context?: ContextPool;
  /** The context level to fill; absent: the level of `route.tier` in the policy. */
  readonly contextLevel?: ContextLevel;
  /** The most tokens code context may take; absent: its level's share of `maxInputTokens`. */
  readonly contextMaxTokens?: number;
  /** What is said of context left out for the budget (e.g. the per-review cap). */
  readonly contextOverBudget?: string;
}

export type OmitReason =
  'ignored by policy' | 'no patch from GitHub' | 'binary' | 'over token budget';

export interface OmittedFile {
  readonly path: string;
  readonly reason: OmitReason;
}

export interface ReviewPrompt {
  /** The same for every review: cacheable. */
  readonly system: string;
  /** The same for every review of one repository (save path instructions): cacheable. */
  readonly repositoryContext: string;
  /**
   * Code from the repository as quoted data, sent after the repository context and before the
   * pull request ('' when the tier's level gives none or none fits).
   */
  readonly context: string;
  /** This pull request as quoted data. */
  readonly prompt: string;
  /** Files whose diff is in the prompt, most risky first. */
  readonly includedPaths: string[];
  /** Files left out, with why, in risk order. */
  readonly omitted: OmittedFile[];
  readonly contextLevel: ContextLevel;
  /** What the context holds and why, most relevant first. */
  readonly contextEntries: readonly ContextEntry[];
  /** Context that did not fit, with why. */
  readonly contextLeftOut: readonly { readonly path: string; readonly reason: string }[];
  /** Estimated tokens: system (with the repository context), code context, the pull request. */
  readonly tokens: {
    readonly system: number;
    readonly context: number;
    readonly diff: number;
    readonly total: number;
  };
  /** Whether the prefix up to the code context is long enough to be worth a cache breakpoint. */
  readonly cacheContext: boolean;
  /** Estimated tokens of system + repositoryContext + context + prompt (`tokens.total`). */
  readonly inputTokens: number;
}
