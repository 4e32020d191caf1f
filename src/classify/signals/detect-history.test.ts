import { describe, expect, it } from 'vitest';
import type { ChangeHistory } from '../../domain/history.js';
import { classifyChange } from '../classify-change.js';
import { testDiff, testFile } from '../test-diff.js';
import { testPolicy } from '../test-policy.js';
import { detectChangeHistory } from './detect-change-history.js';
import { detectFixHistory } from './detect-fix-history.js';
import { combineWeights } from '../score-risk.js';
import { detectHistoryBaseline } from './detect-history-baseline.js';
import { historyWeight, FIX_HISTORY_CURVE, HISTORY_BASELINE_WEIGHT } from './history-weights.js';
import { testContext } from './test-context.js';

const files = [
  testFile('src/parser.ts', { additions: 12 }),
  testFile('src/new.ts', { status: 'added', additions: 30 }),
  testFile('README.md', { additions: 3 }),
];
const history: ChangeHistory = {
  paths: [
    { path: 'src/parser.ts', commits: 9, recentFixes: 3 },
    { path: 'README.md', commits: 40, recentFixes: 7 },
  ],
};
const withHistory = (h: ChangeHistory | null) => ({ ...testContext(files), history: h });

describe('history-aware signals', () => {
  it('stay silent for a repository without history', () => {
    expect(detectFixHistory(withHistory(null))).toBeNull();
    expect(detectChangeHistory(withHistory(null))).toBeNull();
    expect(detectHistoryBaseline(withHistory(null))).toBeNull();
  });

  it('name the changed source file with the most recent fixes, ignoring documents', () => {
    expect(detectFixHistory(withHistory(history))).toEqual({
      id: 'fix-history',
      weight: 0.16,
      message: 'changes src/parser.ts, which 3 fix commits changed in the year before',
      paths: ['src/parser.ts'],
    });
  });

  it('count earlier commits to changed source files only', () => {
    expect(detectChangeHistory(withHistory(history))).toMatchObject({
      id: 'change-history',
      weight: 0.1,
      message: 'changes src/parser.ts with 9 earlier commits',
    });
  });

  it.each([
    [0, 0],
    [1, 0.08],
    [2, 0.13],
    [3, 0.16],
    [50, 0.2],
  ])('weigh %i recent fixes as %f', (fixes, weight) => {
    expect(historyWeight(fixes, FIX_HISTORY_CURVE)).toBe(weight);
  });

  it('leave the score of a change without history exactly as it was', () => {
    const diff = testDiff(files);
    const without = classifyChange({ diff, policy: testPolicy });
    expect(classifyChange({ diff, policy: testPolicy, history: null })).toEqual(without);
    const known = classifyChange({ diff, policy: testPolicy, history });
    expect(known.risk.score).toBeGreaterThan(without.risk.score);
  });

  it('take back what an ordinary history adds, in a repository with history', () => {
    const diff = testDiff(files);
    const without = classifyChange({ diff, policy: testPolicy });
    // Files no earlier commit touched, in a repository with history: quieter than usual.
    const quiet = classifyChange({ diff, policy: testPolicy, history: { paths: [] } });
    expect(quiet.risk.signals.map((signal) => signal.id)).toEqual([
      ...without.risk.signals.map((signal) => signal.id),
      'history-baseline',
    ]);
    expect(quiet.risk.signals.at(-1)?.weight).toBe(-0.28);
    expect(quiet.risk.score).toBe(
      combineWeights([...without.risk.signals.map((signal) => signal.weight), -0.28]),
    );
    expect(quiet.risk.score).toBeLessThan(without.risk.score);
    // With nothing to take from, the baseline is not listed.
    const removal = testDiff([testFile('src/old.ts', { status: 'removed', deletions: 9 })]);
    const quietRemoval = classifyChange({
      diff: removal,
      policy: testPolicy,
      history: { paths: [] },
    });
    expect(quietRemoval.risk).toEqual(classifyChange({ diff: removal, policy: testPolicy }).risk);
    // An ordinary history (fixes and commits adding up to the lift) leaves the score as it was.
    const ordinary = combineWeights([0.4, 0.22, HISTORY_BASELINE_WEIGHT]);
    expect(ordinary).toBe(0.4);
  });
});
