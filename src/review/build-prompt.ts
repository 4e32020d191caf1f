/**
 * The prompt for one review: a stable system part, the repository's
 * instructions, then the pull request as quoted data with its files, most risky first, for as
 * long as the token budget lasts. Each file is counted once only as far as the budget left; once
 * the budget cannot hold even an empty block, the rest are not counted.
 */
import picomatch from 'picomatch';
import { diffLinesAtLeast } from '../changes/diff-lines-at-least.js';
import type { FileChange } from '../domain/diff.js';
import type { FileRisk } from '../domain/classification.js';
import { buildRepositoryContext } from './build-repository-context.js';
import { chooseFence, fenceData, quoteInline } from './choose-fence.js';
import { countTokens, countTokensUpTo } from './count-tokens.js';
import {
  renderFilesHeading,
  renderOmissions,
  renderPullRequestHead,
  truncateBody,
} from './render-pull-request.js';
import { EMPTY_POOL } from '../context/types.js';
import { cacheMinimumTokens, contextLevelOf, contextShare } from './context-level.js';
import { REVIEW_SYSTEM_PROMPT } from './review-system-prompt.js';
import { selectCodeContext } from './select-code-context.js';
import type { BuildPromptInput, OmitReason, OmittedFile, ReviewPrompt } from './types.js';

export type { BuildPromptInput, ReviewPrompt } from './types.js';

/** Rendered files kept from the fence's pass: at most this many characters a budget token. */
const KEPT_CHARACTERS_PER_TOKEN = 8;

/** Parts of the prompt are joined by a blank line: about one token each. */
const SEPARATOR = '\n\n';
const SEPARATOR_TOKENS = 1;

/**
 * The fewest tokens a rendered diff line (`R 12 + text`) counts for. o200k_base's split never
 * joins a newline to the letter after it, a letter to a blank, or a blank to a digit, so the
 * side letter, the blanks and the digits of the number are pieces of their own, each at least
 * one token; counting in chunks and slices only adds boundaries.
 */
const LINE_TOKENS = 3;

interface Candidate {
  readonly file: FileChange;
  readonly order: number;
}

export const buildReviewPrompt = (input: BuildPromptInput): ReviewPrompt => {
  const { policy, classification, diff, pr, route, maxInputTokens } = input;
  const pool = input.context ?? EMPTY_POOL;
  const level = input.contextLevel ?? contextLevelOf(policy, route.tier);
  const isIgnored = picomatch([...policy.review.ignore_paths], { dot: true });
  const ordered = orderByRisk(diff.files, classification.fileRisk);

  const skipped: (OmittedFile & { readonly order: number })[] = [];
  const candidates: Candidate[] = [];
  ordered.forEach((file, order) => {
    const reason = reasonToSkip(file, isIgnored);
    if (reason === null) candidates.push({ file, order });
    else skipped.push({ path: file.path, reason, order });
  });

  const repositoryContext = buildRepositoryContext({
    review: policy.review,
    paths: ordered.filter((file) => !isIgnored(file.path)).map((file) => file.path),
  });
  // Unless a draft is given its fence, every file is read for it, one at a time: the first ones,
  // as many as the budget could hold, are kept for the blocks below. The blocks render only the
  // files the budget reaches, and no prompt holds every rendered file.
  const kept = new Map<FileChange, string>();
  let keptChars = 0;
  const render = (file: FileChange, keep: boolean): string => {
    const known = kept.get(file);
    if (known !== undefined) return known;
    const text = input.formatFile(file);
    if (keep && keptChars + text.length <= maxInputTokens * KEPT_CHARACTERS_PER_TOKEN) {
      kept.set(file, text);
      keptChars += text.length;
    }
    return text;
  };
  const quoted = function* (): Generator<string> {
    yield* [pr.title, truncateBody(pr.body).text, pr.author, pr.authorAssociation];
    yield* [pr.headRef, pr.baseRef, route.reason];
    for (const signal of classification.risk.signals) yield signal.message;
    for (const file of ordered) yield file.path;
    for (const candidate of candidates) yield render(candidate.file, true);
    for (const item of pool.items) yield* [item.path, item.symbol ?? '', item.reason, item.text];
  };
  const fence = input.draftFence ?? chooseFence(quoted());
  const head = renderPullRequestHead({
    pr,
    classification,
    route,
    fence,
    truncated: diff.truncated,
  });
  const fixedTokens =
    countTokens(REVIEW_SYSTEM_PROMPT) + countTokens(repositoryContext) + countTokens(head);

  // Most risky first; a file that does not fit is left out and smaller ones may still fit.
  let remaining = maxInputTokens - fixedTokens;
  // No block is smaller than its two marker lines: once even those do not fit, stop counting.
  const smallestBlock = countTokens(fenceData(fence, 'file ""', ''));
  const included: {
    readonly candidate: Candidate;
    readonly block: string;
    readonly tokens: number;
  }[] = [];
  const overBudget: Candidate[] = [];
  for (const candidate of candidates) {
    // A file with more diff lines than a third of the tokens left is left out unrendered.
    const limit = remaining - SEPARATOR_TOKENS;
    if (remaining < smallestBlock || diffLinesAtLeast(candidate.file) * LINE_TOKENS > limit) {
      overBudget.push(candidate);
      continue;
    }
    const label = `file ${quoteInline(candidate.file.path)}`;
    const block = fenceData(fence, label, render(candidate.file, false));
    const tokens = countTokensUpTo(block, limit) + SEPARATOR_TOKENS;
    if (tokens <= remaining) {
      included.push({ candidate, block, tokens });
      remaining -= tokens;
    } else {
      overBudget.push(candidate);
    }
  }

  // The list of left-out files and the files heading are counted last; drop the least risky
  // included files until they fit too.
  const omittedNow = (): OmittedFile[] =>
    [
      ...skipped,
      ...overBudget.map(({ file, order }) => ({ path: file.path, reason: OVER_BUDGET, order })),
    ]
      .sort((a, b) => a.order - b.order)
      .map(({ path, reason }) => ({ path, reason }));
  let omitted = omittedNow();
  let tail = tailOf(omitted, included.length, diff.files.length);
  let tailTokens = countTokens(tail) + SEPARATOR_TOKENS;
  while (tailTokens > remaining && included.length > 0) {
    const dropped = included.pop();
    if (dropped === undefined) break;
    remaining += dropped.tokens;
    overBudget.push(dropped.candidate);
    omitted = omittedNow();
    tail = tailOf(omitted, included.length, diff.files.length);
    tailTokens = countTokens(tail) + SEPARATOR_TOKENS;
  }

  const prompt = [head, tail, ...included.map((entry) => entry.block)].join(SEPARATOR);
  const usedByFiles = included.reduce((sum, entry) => sum + entry.tokens, 0);
  // The code context takes what the diff left, up to its level's share: a smaller budget (such
  // as per_review_usd's) trims context before it trims a single file.
  const context = selectCodeContext({
    pool,
    level,
    fence,
    maxTokens: Math.min(
      remaining - tailTokens,
      input.contextMaxTokens ?? contextShare(level, maxInputTokens, usedByFiles),
    ),
    overBudgetReason: input.contextOverBudget ?? `over the ${route.tier} tier's context budget`,
  });
  const systemTokens = countTokens(REVIEW_SYSTEM_PROMPT) + countTokens(repositoryContext);
  const diffTokens = countTokens(head) + tailTokens + usedByFiles;
  const total = systemTokens + context.tokens + diffTokens;
  const spec = policy.models[route.tier];
  return {
    system: REVIEW_SYSTEM_PROMPT,
    repositoryContext,
    context: context.text,
    prompt,
    includedPaths: included.map((entry) => entry.candidate.file.path),
    omitted,
    contextLevel: level,
    contextEntries: context.entries,
    contextLeftOut: context.leftOut,
    tokens: { system: systemTokens, context: context.tokens, diff: diffTokens, total },
    // Worth a cache breakpoint only once the stable prefix is long enough for the model to cache.
    cacheContext:
      context.tokens > 0 &&
      systemTokens + context.tokens >= cacheMinimumTokens(spec.provider, spec.model),
    inputTokens: total,
  };
};

const OVER_BUDGET: OmitReason = 'over token budget';


const reasonToSkip = (
  file: FileChange,
  isIgnored: (path: string) => boolean,
): OmitReason | null => {
  if (isIgnored(file.path)) return 'ignored by policy';
  if (file.binary) return 'binary';
  if (!file.patchAvailable) return 'no patch from GitHub';
  return null;
};

/** Files in `fileRisk` order; any file classify did not rank follows, in diff order. */
const orderByRisk = (files: readonly FileChange[], fileRisk: readonly FileRisk[]): FileChange[] => {
  const rank = new Map<string, number>();
  fileRisk.forEach((entry, index) => {
    if (!rank.has(entry.path)) rank.set(entry.path, index);
  });
  const unranked = fileRisk.length;
  return files
    .map((file, index) => ({ file, index, rank: rank.get(file.path) ?? unranked }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.file);
};

const tailOf = (omitted: readonly OmittedFile[], included: number, changed: number): string =>
  [renderOmissions(omitted), renderFilesHeading(included, changed)]
    .filter((part) => part !== '')
    .join(SEPARATOR);
