import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../policy/parse-policy-text.js';
import { renderCalibrationTable } from './render-calibration-table.js';
import { renderPolicySnippet } from './render-policy-snippet.js';
import { testCalibrationResult } from './test-calibration-result.js';

describe('renderCalibrationTable', () => {
  it('prints the history, one row per scorer with AUC and catch rates, and the snippet', () => {
    const text = renderCalibrationTable(testCalibrationResult(), 'octo/app');
    const lines = text.split('\n');
    expect(lines[0]).toBe('octo/app');
    expect(text).toContain('200 commits from 2020-09-13 to 2021-03-31');
    expect(text).toContain('40 bug-inducing (20.0%): blamed by 30 later fix commits');
    const header = lines.find((line) => line.includes('AUC'));
    expect(header).toMatch(/scorer\s+AUC\s+caught at 10% deep\s+20% deep\s+30% deep/);
    for (const scorer of ['classifier', 'lines added', 'size class', 'random']) {
      expect(
        lines.some((line) => new RegExp(`^  ${scorer}\\s+\\d\\.\\d{3}\\s+\\d+%`).test(line)),
      ).toBe(true);
    }
    expect(text).toContain('Paste into .github/review-router.yml:');
  });

  it('prints only the reason when there was not enough history', () => {
    const text = renderCalibrationTable(
      {
        status: 'insufficient-history',
        reason: 'not enough follow-up history: ...',
        totalCommits: 3,
        eligibleCommits: 0,
        elapsedMs: 1,
      },
      'octo/app',
    );
    expect(text).toBe('octo/app: not enough follow-up history: ...');
  });
});

describe('renderPolicySnippet', () => {
  it('is a policy file the policy parser accepts, with the suggested levels', () => {
    const result = testCalibrationResult();
    const parsed = parsePolicyText(renderPolicySnippet(result), 'review-router.yml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.risk.levels).toEqual(result.suggestion.levels);
  });
});
