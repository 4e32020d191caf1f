/** What the review stage takes and gives: the prompt for one pull request within a token budget. */
import type { Classification } from '../domain/classification.js';
import type { DiffModel, FileChange } from '../domain/diff.js';
import type { Policy } from '../domain/policy.js';
import type { PullRequestFacts } from '../domain/review-job.js';
import type { Tier } from '../domain/review-job.js';

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
  /** This pull request as quoted data. */
  readonly prompt: string;
  /** Files whose diff is in the prompt, most risky first. */
  readonly includedPaths: string[];
  /** Files left out, with why, in risk order. */
  readonly omitted: OmittedFile[];
  /** Estimated tokens of system + repositoryContext + prompt. */
  readonly inputTokens: number;
}
