import { describe, expect, it } from 'vitest';
import type { ContextItem, ContextLevel, ContextPool } from '../context/types.js';
import { selectCodeContext } from './select-code-context.js';
import { contextItem } from './test-prompt-input.js';

/** Lines `from`..`to` of a file in which line n reads `const v<n> = <n>;`. */
const lines = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `const v${from + i} = ${from + i};`).join('\n');

const item = (overrides: Partial<ContextItem> & { from: number; to: number }): ContextItem => {
  const { from, to, ...rest } = overrides;
  return contextItem({ startLine: from, text: lines(from, to), ...rest });
};

const select = (items: readonly ContextItem[], level: ContextLevel, maxTokens = 50_000) =>
  selectCodeContext({
    pool: { items, unread: [] } satisfies ContextPool,
    level,
    fence: 'f00d',
    maxTokens,
    overBudgetReason: 'over the budget',
  });

const shown = (selected: ReturnType<typeof select>) =>
  selected.entries.map(
    (entry) => `${entry.kind} ${entry.path}:${entry.startLine}-${entry.endLine}`,
  );

describe('selectCodeContext', () => {
  it('quotes a method once when the class around it is shown, whichever comes first', () => {
    const method = item({ symbol: 'wrapper', from: 85, to: 89 });
    const klass = item({ symbol: 'remove_ctx', from: 84, to: 91 });
    for (const order of [
      [klass, method],
      [method, klass],
    ]) {
      expect(shown(select(order, 'functions'))).toEqual(['function src/util.ts:84-91']);
    }
  });

  it('drops a caller excerpt when its file is shown whole later, and gives its tokens back', () => {
    const caller = item({
      path: 'test/entry.test.ts',
      kind: 'caller',
      symbol: 'run',
      level: 'related',
      from: 41,
      to: 58,
    });
    const whole = item({
      path: 'test/entry.test.ts',
      kind: 'file',
      symbol: null,
      level: 'files',
      from: 1,
      to: 120,
    });
    const both = select([caller, whole], 'related');
    const alone = select([whole], 'related');
    expect(shown(both)).toEqual(['file test/entry.test.ts:1-120']);
    expect(both.tokens).toBe(alone.tokens);
    expect(both.text).toBe(alone.text);
  });

  it('keeps the items a larger one would have taken in when it does not fit', () => {
    const caller = item({ kind: 'caller', symbol: 'run', level: 'related', from: 10, to: 12 });
    const whole = item({ kind: 'file', symbol: null, level: 'files', from: 1, to: 400 });
    const selected = select([caller, whole], 'related', 400);
    expect(shown(selected)).toEqual(['caller src/util.ts:10-12']);
    expect(selected.leftOut).toEqual([{ path: 'src/util.ts', reason: 'file over the budget' }]);
  });

  it('offers a changed file no grammar reads after the code and tests of the change', () => {
    const changelog = item({
      path: 'History.md',
      kind: 'file',
      symbol: null,
      reason: 'no grammar reads this language: the whole file',
      level: 'functions',
      from: 1,
      to: 3,
    });
    const whole = item({ kind: 'file', symbol: null, level: 'files', from: 1, to: 3 });
    const definition = item({
      path: 'src/lib.ts',
      kind: 'definition',
      symbol: 'v1',
      level: 'related',
      from: 1,
      to: 1,
    });
    const test = item({
      path: 'test/util.test.ts',
      kind: 'test',
      level: 'related',
      from: 1,
      to: 2,
    });
    expect(shown(select([changelog, whole, definition, test], 'related'))).toEqual([
      'file src/util.ts:1-3',
      'definition src/lib.ts:1-1',
      'test test/util.test.ts:1-2',
      'file History.md:1-3',
    ]);
    expect(shown(select([changelog, whole], 'files'))).toEqual([
      'file src/util.ts:1-3',
      'file History.md:1-3',
    ]);
  });
});
