import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { areaOf, detectWideSpread } from './detect-wide-spread.js';
import { testContext } from './test-context.js';

const spreadOver = (count: number) =>
  testContext(
    Array.from({ length: count }, (_, index) =>
      testFile(`src/area${index}/a.ts`, { additions: 1 }),
    ),
  );

describe('areaOf', () => {
  it.each([
    ['README.md', '.'],
    ['docs/a.md', 'docs'],
    ['src/auth/a.ts', 'src/auth'],
    ['src/auth/deep/er/a.ts', 'src/auth'],
  ])('puts %s in the area %s', (path, area) => {
    expect(areaOf(path)).toBe(area);
  });
});

describe('detectWideSpread', () => {
  it.each([
    [1, null],
    [5, null],
    [6, 0.1],
    [10, 0.2],
    [19, 0.2],
    [20, 0.3],
  ])('with %i directories, weighs %s', (count, weight) => {
    expect(detectWideSpread(spreadOver(count))?.weight ?? null).toBe(weight);
  });

  it('names the directories', () => {
    expect(detectWideSpread(spreadOver(6))?.message).toBe(
      'spreads over 6 directories: src/area0, src/area1, src/area2 and 3 more',
    );
  });

  it('counts files in the same directory once', () => {
    const ctx = testContext(
      Array.from({ length: 50 }, (_, index) => testFile(`src/auth/f${index}.ts`, { additions: 1 })),
    );
    expect(detectWideSpread(ctx)).toBeNull();
  });
});
