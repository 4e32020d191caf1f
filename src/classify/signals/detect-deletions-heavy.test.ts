import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectDeletionsHeavy } from './detect-deletions-heavy.js';
import { testContext } from './test-context.js';

describe('detectDeletionsHeavy', () => {
  it.each([
    [0, 600, 0.05],
    [200, 600, 0.05],
    [201, 600, null],
    [10, 199, null],
    [300, 300, null],
  ])('with %i added and %i deleted lines, weighs %s', (additions, deletions, weight) => {
    const ctx = testContext([testFile('src/a.ts', { additions, deletions })]);
    expect(detectDeletionsHeavy(ctx)?.weight ?? null).toBe(weight);
  });

  it('says how much went and came', () => {
    const ctx = testContext([
      testFile('src/old.ts', { status: 'removed', deletions: 1200 }),
      testFile('src/new.ts', { additions: 30 }),
    ]);
    expect(detectDeletionsHeavy(ctx)).toEqual({
      id: 'deletions-heavy',
      weight: 0.05,
      message: 'removes 1,200 lines and adds 30',
      paths: ['src/old.ts'],
    });
  });
});
