import { describe, expect, it } from 'vitest';
import { testFile } from '../classify/test-diff.js';
import type { FileChange } from '../domain/diff.js';
import { functionItems } from './function-items.js';
import { outlineFile } from './outline-file.js';
import { ReadFile } from './read-code.js';

const readPython = async (lines: readonly string[]) =>
  new ReadFile('app.py', lines.join('\n'), [], await outlineFile('python', lines.join('\n')));

/** One hunk that adds the given new-side lines (their texts do not matter here). */
const hunkAdding = (newLines: readonly number[]): FileChange => {
  const file = testFile('app.py');
  const first = newLines[0] ?? 1;
  return {
    ...file,
    hunks: [
      {
        oldStart: first,
        oldLines: 0,
        newStart: first,
        newLines: newLines.length,
        section: '',
        lines: newLines.map((line) => ({ kind: 'add', oldLine: null, newLine: line, text: 'x' })),
      },
    ],
  };
};

describe('functionItems', () => {
  it('widens a hunk that changes two functions to both of them', async () => {
    const file = await readPython([
      'def first():',
      '    a = 1',
      '    return a',
      '',
      'def second():',
      '    b = 2',
      '    return b',
    ]);
    const items = functionItems(hunkAdding([3, 4, 5, 6]), file);
    expect(items.map((item) => [item.symbol, item.startLine])).toEqual([
      ['first', 1],
      ['second', 5],
    ]);
  });

  it('takes the function a nested one returns to after it ends', async () => {
    const file = await readPython([
      'def outer():',
      '    def inner():',
      '        return 1',
      '    return inner',
    ]);
    const items = functionItems(hunkAdding([3, 4]), file);
    expect(items.map((item) => item.symbol)).toEqual(['inner', 'outer']);
  });

  it('quotes the lines of a long function once when two hunks change it close together', async () => {
    const body = Array.from({ length: 200 }, (_, index) => `    x${index} = ${index}`);
    const file = await readPython(['def long():', ...body, '    return x0']);
    const twoHunks: FileChange = {
      ...hunkAdding([60]),
      hunks: [...hunkAdding([60]).hunks, ...hunkAdding([75]).hunks],
    };
    const items = functionItems(twoHunks, file);
    expect(
      items.map((item) => [item.symbol, item.startLine, item.text.split('\n').length]),
    ).toEqual([['long', 40, 56]]);
  });

  it('reads a hunk of 300,000 lines without running out of stack', async () => {
    const file = await readPython(['def f():', '    return 1']);
    const lines = Array.from({ length: 300_000 }, (_, index) => index + 3);
    expect(functionItems(hunkAdding(lines), file)).toEqual([]);
  });
});
