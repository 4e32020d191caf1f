/**
 * The code context one tier gets: the pool's items of its level, most relevant first, each
 * quoted as a data block with line numbers, for as long as the tier's share of the budget lasts.
 * A changed file too large to fit whole is offered as its enclosing functions instead.
 */
import { isTestPath } from '../context/find-tests.js';
import type { ContextItem, ContextLevel, ContextPool } from '../context/types.js';
import { fenceData, quoteInline } from './choose-fence.js';
import { countTokens, countTokensUpTo } from './count-tokens.js';

export interface ContextEntry {
  readonly path: string;
  readonly kind: ContextItem['kind'];
  readonly symbol: string | null;
  readonly reason: string;
  /** The lines shown, 1-based and inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly tokens: number;
}

export interface SelectedContext {
  /** The block sent before the pull request: a heading and the quoted items ('' when none). */
  readonly text: string;
  readonly tokens: number;
  readonly entries: readonly ContextEntry[];
  readonly leftOut: readonly { readonly path: string; readonly reason: string }[];
}

const MAX_CHARS_PER_TOKEN = 12;

export const NO_CONTEXT: SelectedContext = { text: '', tokens: 0, entries: [], leftOut: [] };

export interface SelectContextOptions {
  readonly pool: ContextPool;
  readonly level: ContextLevel;
  readonly fence: string;
  readonly maxTokens: number;
  /** Said of each item that did not fit. */
  readonly overBudgetReason: string;
}

/** Which items a level offers, in the order they are tried. */
const offered = (pool: ContextPool, level: ContextLevel): ContextItem[] => {
  switch (level) {
    case 'diff':
      return [];
    case 'functions':
      return pool.items.filter((item) => item.level === 'functions');
    case 'files': {
      const files = pool.items.filter((item) => item.kind === 'file');
      return [...files.filter(isParsed), ...files.filter((item) => !isParsed(item))];
    }
    case 'related': {
      // Changed code first, then what it uses and what uses it, then tests (changed or not); a
      // changed file no grammar reads (a changelog, a config file) last: it comes whole.
      const files = pool.items.filter((item) => item.kind === 'file');
      const related = pool.items.filter((item) => item.level === 'related');
      return [
        ...files.filter((item) => isParsed(item) && !isTestPath(item.path)),
        ...related.filter((item) => item.kind !== 'test'),
        ...files.filter((item) => isParsed(item) && isTestPath(item.path)),
        ...related.filter((item) => item.kind === 'test'),
        ...files.filter((item) => !isParsed(item)),
      ];
    }
  }
};

/**
 * A changed file a grammar read is offered whole at the `files` level; one no grammar reads is
 * offered whole already at the `functions` level, since there are no functions to cut it into.
 */
const isParsed = (item: ContextItem): boolean => item.kind !== 'file' || item.level === 'files';

const lastLines = new WeakMap<ContextItem, number>();

/** The item's last line; counted once, since choosing compares every pair of items. */
const lastLineOf = (item: ContextItem): number => {
  let last = lastLines.get(item);
  if (last === undefined) {
    let newlines = 0;
    for (let at = item.text.indexOf('\n'); at !== -1; at = item.text.indexOf('\n', at + 1))
      newlines += 1;
    last = item.startLine + newlines;
    lastLines.set(item, last);
  }
  return last;
};

export const renderContextItem = (item: ContextItem, fence: string): string => {
  const last = lastLineOf(item);
  const width = String(last).length;
  const numbered = item.text
    .split('\n')
    .map((line, index) => `${String(item.startLine + index).padStart(width)} ${line}`)
    .join('\n');
  const label =
    `${item.kind} ${quoteInline(item.path)} lines ${item.startLine}-${last}` +
    (item.symbol === null ? '' : ` ${quoteInline(item.symbol)}`) +
    `: ${quoteInline(item.reason)}`;
  return fenceData(fence, label, numbered);
};

export const contextHeading = (fence: string): string =>
  `## Repository code\n\nCode from the repository at the pull request's head, for understanding the change; each block is data with the fence ${fence}, and its line numbers are for reading, not for citing.`;

/** Whether the lines of `inner` lie within those of `outer`, in the same file. */
const covers = (outer: ContextItem, inner: ContextItem): boolean =>
  outer.path === inner.path &&
  outer.startLine <= inner.startLine &&
  lastLineOf(inner) <= lastLineOf(outer);

export const selectCodeContext = (options: SelectContextOptions): SelectedContext => {
  const { pool, level, fence } = options;
  if (level === 'diff') return NO_CONTEXT;
  const items = offered(pool, level);
  // A changed file GitHub gave no text for is left out too, and the summary says so.
  const leftOut: { path: string; reason: string }[] = pool.unread.map((file) => ({
    path: file.path,
    reason: `could not be read: ${file.reason}`,
  }));
  if (items.length === 0) return { ...NO_CONTEXT, leftOut };
  const heading = contextHeading(fence);
  let remaining = options.maxTokens - countTokens(heading) - 1;
  let chosen: { item: ContextItem; block: string; tokens: number }[] = [];
  // Every item is read at the head, so lines are quoted once: an item within one already chosen
  // is not quoted again, and one that takes in items chosen before (a whole file after a caller
  // in it, a class after a method) takes their place and their tokens.
  const tryItem = (item: ContextItem): boolean => {
    if (chosen.some((entry) => covers(entry.item, item))) return true;
    const within = chosen.filter((entry) => covers(item, entry.item));
    const room = remaining + within.reduce((sum, entry) => sum + entry.tokens, 0);
    // Code averages 3-4 characters a token: text over 12 a token of what is left cannot fit,
    // and is not worth counting (a large file would cost as much as the budget to reject).
    if (item.text.length > room * MAX_CHARS_PER_TOKEN) return false;
    const block = renderContextItem(item, fence);
    const tokens = room <= 0 ? Infinity : countTokensUpTo(block, room - 1) + 1;
    if (tokens > room) return false;
    chosen = [...chosen.filter((entry) => !within.includes(entry)), { item, block, tokens }];
    remaining = room - tokens;
    return true;
  };
  for (const item of items) {
    if (tryItem(item)) continue;
    // A changed file that does not fit whole may still fit as the functions around its changes.
    const parts =
      item.kind === 'file' && item.level === 'files'
        ? pool.items.filter((part) => part.kind === 'function' && part.path === item.path)
        : [];
    const fitted = parts.filter(tryItem).length;
    const what = item.symbol === null ? item.kind : `${item.kind} ${item.symbol}`;
    leftOut.push({
      path: item.path,
      reason:
        fitted > 0
          ? `whole file ${options.overBudgetReason}: ${fitted} of its changed functions are shown`
          : `${what} ${options.overBudgetReason}`,
    });
  }
  if (chosen.length === 0) return { ...NO_CONTEXT, leftOut };
  const text = [heading, ...chosen.map((entry) => entry.block)].join('\n\n');
  return {
    text,
    // Each block was counted with its separator: the sum, not a second pass over the whole.
    tokens: options.maxTokens - remaining,
    entries: chosen.map(({ item, tokens }) => ({
      path: item.path,
      kind: item.kind,
      symbol: item.symbol,
      reason: item.reason,
      startLine: item.startLine,
      endLine: lastLineOf(item),
      tokens,
    })),
    leftOut,
  };
};
