import { describe, expect, it } from 'vitest';
import { testFile } from '../test-diff.js';
import { detectSourceChurn, sourceChurnWeight } from './detect-source-churn.js';
import { SOURCE_CHURN_CURVE } from './signal-weights.js';
import { testContext } from './test-context.js';

describe('sourceChurnWeight', () => {
  it.each([
    [0, 0],
    [1, 0.05],
    [2, 0.08],
    [5, 0.12],
    [10, 0.16],
    [20, 0.22],
    [50, 0.33],
    [100, 0.45],
    [200, 0.55],
    [500, 0.6],
    [100_000, 0.6],
  ])('gives %i added source lines the weight %d', (lines, weight) => {
    expect(sourceChurnWeight(lines)).toBe(weight);
  });

  it('never falls as lines are added', () => {
    const weights = Array.from({ length: 700 }, (_, lines) => sourceChurnWeight(lines));
    weights.forEach((weight, index) => {
      if (index > 0) expect(weight).toBeGreaterThanOrEqual(weights[index - 1]!);
    });
    expect(weights.at(-1)).toBe(SOURCE_CHURN_CURVE.at(-1)?.weight);
  });
});

describe('detectSourceChurn', () => {
  it('counts lines added to source files and names them', () => {
    const ctx = testContext([
      testFile('src/a.ts', { additions: 30, deletions: 5 }),
      testFile('lib/b.py', { additions: 20 }),
    ]);
    expect(detectSourceChurn(ctx)).toEqual({
      id: 'source-churn',
      weight: 0.33,
      message: 'adds 50 lines of source code in 2 files (src/a.ts and lib/b.py)',
      paths: ['src/a.ts', 'lib/b.py'],
    });
  });

  it.each([
    ['tests', 'src/a.test.ts'],
    ['documents', 'docs/guide.md'],
    ['configuration', 'config/app.yml'],
    ['ignored build output', 'dist/app.js'],
  ])('does not count %s', (_kind, path) => {
    expect(detectSourceChurn(testContext([testFile(path, { additions: 300 })]))).toBeNull();
  });

  it('does not count deleted lines', () => {
    expect(
      detectSourceChurn(testContext([testFile('src/a.ts', { additions: 0, deletions: 400 })])),
    ).toBeNull();
  });

  it('says so for one file', () => {
    expect(detectSourceChurn(testContext([testFile('src/a.go', { additions: 1 })]))?.message).toBe(
      'adds 1 line of source code in src/a.go',
    );
  });
});
