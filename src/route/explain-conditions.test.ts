import { describe, expect, it } from 'vitest';
import { testDiff, testFile } from '../classify/test-diff.js';
import type { RuleConditions } from '../domain/policy.js';
import { explainConditions } from './explain-conditions.js';
import { testClassification, testPullRequest, testRouteInput } from './test-route-input.js';

const authSignal = {
  id: 'sensitive-path',
  weight: 0.6,
  message: 'touches authentication code in src/auth/',
  paths: ['src/auth/a.ts'],
};
const facts = testRouteInput({
  pr: testPullRequest({
    labels: ['bug', 'Review:Deep'],
    author: 'Alice',
    authorAssociation: 'FIRST_TIME_CONTRIBUTOR',
    baseRef: 'release/2.1',
  }),
  classification: testClassification({
    size: 'L',
    level: 'high',
    changedLines: 1200,
    signals: [
      { id: 'no-tests', weight: 0.15, message: 'changes src/auth/a.ts but no test', paths: [] },
      authSignal,
    ],
  }),
  diff: testDiff([testFile('README.md'), testFile('src/auth/a.ts', { additions: 1200 })]),
});

describe('explainConditions', () => {
  it.each<[string, RuleConditions, string | null]>([
    ['labels: a listed label', { labels: ['review:deep'] }, 'label Review:Deep'],
    ['labels: none listed', { labels: ['review:fast'] }, null],
    ['labels: empty list', { labels: [] }, null],
    [
      'risk: level listed',
      { risk: ['high', 'critical'] },
      'risk high: touches authentication code in src/auth/',
    ],
    ['risk: level not listed', { risk: ['critical'] }, null],
    ['size: class listed', { size: ['L', 'XL'] }, 'size L: 1,200 changed lines'],
    ['size: class not listed', { size: ['XL'] }, null],
    [
      'paths: a file matches',
      { paths: ['lib/**', 'src/auth/**'] },
      'changes src/auth/a.ts (matches src/auth/**)',
    ],
    ['paths: no file matches', { paths: ['lib/**'] }, null],
    ['authors: listed, any case', { authors: ['alice'] }, 'author Alice'],
    ['authors: not listed', { authors: ['bob'] }, null],
    [
      'author_association: listed',
      { author_association: ['FIRST_TIME_CONTRIBUTOR', 'NONE'] },
      'author association FIRST_TIME_CONTRIBUTOR',
    ],
    ['author_association: not listed', { author_association: ['MEMBER'] }, null],
    ['base: a glob matches', { base: ['main', 'release/*'] }, 'base branch release/2.1'],
    ['base: no glob matches', { base: ['main'] }, null],
    [
      'changed_lines: over, above',
      { changed_lines: { over: 1000 } },
      '1,200 changed lines (over 1,000)',
    ],
    ['changed_lines: over, equal', { changed_lines: { over: 1200 } }, null],
    [
      'changed_lines: under, below',
      { changed_lines: { under: 1201 } },
      '1,200 changed lines (under 1,201)',
    ],
    ['changed_lines: under, equal', { changed_lines: { under: 1200 } }, null],
    [
      'changed_lines: between',
      { changed_lines: { over: 100, under: 5000 } },
      '1,200 changed lines (over 100, under 5,000)',
    ],
    ['changed_lines: outside', { changed_lines: { over: 100, under: 500 } }, null],
    ['no condition', {}, 'matches every pull request'],
    [
      'several conditions that hold',
      { author_association: ['FIRST_TIME_CONTRIBUTOR'], paths: ['src/auth/**'] },
      'changes src/auth/a.ts (matches src/auth/**), author association FIRST_TIME_CONTRIBUTOR',
    ],
    ['one condition of several failing', { labels: ['review:deep'], size: ['XS'] }, null],
  ])('%s', (_case, when, expected) => {
    expect(explainConditions(when, facts)).toBe(expected);
  });

  it('quotes the level alone when no signal explains the risk', () => {
    const input = testRouteInput({ classification: testClassification({ level: 'low' }) });
    expect(explainConditions({ risk: ['low'] }, input)).toBe('risk low');
  });

  it('never explains a level with a signal that takes back', () => {
    const churn = { id: 'source-churn', weight: 0.05, message: 'adds 1 line', paths: [] };
    const baseline = { id: 'history-baseline', weight: -0.28, message: 'taken back', paths: [] };
    const level = (signals: (typeof churn)[]) =>
      testRouteInput({ classification: testClassification({ level: 'low', signals }) });
    expect(explainConditions({ risk: ['low'] }, level([churn, baseline]))).toBe(
      'risk low: adds 1 line',
    );
    expect(explainConditions({ risk: ['low'] }, level([baseline]))).toBe('risk low');
  });
});
