import { describe, expect, it } from 'vitest';
import { selectEvaluatedCommits } from './select-evaluated-commits.js';
import type { CommitInfo } from './types.js';

const DAY = 86_400;
const commit = (index: number, day: number): CommitInfo => ({
  sha: index.toString(16).padStart(40, '0'),
  authorEmail: 'a@example.com',
  authorTime: day * DAY,
  commitTime: day * DAY,
});
/** One commit a day for 500 days, newest first. */
const history = Array.from({ length: 500 }, (_, i) => commit(500 - i, 500 - i));

describe('selectEvaluatedCommits', () => {
  it('keeps commits with a year of history after the newest commit, newest first', () => {
    const selection = selectEvaluatedCommits(history, {
      followUpDays: 365,
      maxCommits: 1000,
      minCommits: 10,
    });
    if (selection.status !== 'ok') throw new Error(selection.reason);
    expect(selection.commits).toHaveLength(135);
    expect(selection.commits[0]?.commitTime).toBe(135 * DAY);
    expect(selection.headTime).toBe(500 * DAY);
  });

  it('keeps to since and to the newest maxCommits', () => {
    const selection = selectEvaluatedCommits(history, {
      since: 100 * DAY,
      followUpDays: 365,
      maxCommits: 20,
      minCommits: 10,
    });
    if (selection.status !== 'ok') throw new Error(selection.reason);
    expect(selection.commits.map((c) => c.commitTime / DAY)).toEqual(
      Array.from({ length: 20 }, (_, i) => 135 - i),
    );
  });

  it('explains a history too young to measure', () => {
    const selection = selectEvaluatedCommits(history.slice(0, 100), {
      followUpDays: 365,
      maxCommits: 1000,
      minCommits: 50,
    });
    expect(selection).toMatchObject({ status: 'insufficient-history', eligibleCommits: 0 });
    expect(selection.status !== 'ok' && selection.reason).toContain('not enough follow-up history');
  });
});
