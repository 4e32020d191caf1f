import { describe, expect, it } from 'vitest';
import { silentLog } from '../domain/log.js';
import type { ReviewJob } from '../domain/review-job.js';
import { testClassification } from '../route/test-route-input.js';
import {
  describeSkip,
  invalidPolicy,
  noLongerCurrent,
  routedSkip,
  skippedByCommand,
  unknownModel,
} from './early-endings.js';

const job = { headSha: 'a'.repeat(40) } as ReviewJob;
const classification = testClassification({ level: 'low' });

describe('the ways a job ends before a model is asked', () => {
  it.each([
    ['open, same head', { state: 'open' as const, headSha: 'a'.repeat(40) }, null],
    ['closed', { state: 'closed' as const, headSha: 'a'.repeat(40) }, 'skipped'],
    ['head moved', { state: 'open' as const, headSha: 'b'.repeat(40) }, 'superseded'],
  ])('records a job that is no longer current without a check run (%s)', (_case, pr, outcome) => {
    const ended = noLongerCurrent(job, pr, silentLog);
    if (outcome === null) {
      expect(ended).toBeNull();
      return;
    }
    expect(ended?.check).toBeNull();
    expect(ended?.attempts).toEqual([expect.objectContaining({ tier: 'skip', outcome })]);
  });

  it('fails the check run of an invalid policy with its located problems, and records one failed row', () => {
    const ended = invalidPolicy(
      { markdown: '**line 3**', summary: 'line 3: bad key', problems: [] },
      silentLog,
    );
    expect(ended.check).toEqual({
      id: null,
      conclusion: 'failure',
      output: { title: 'Invalid policy file: no review was run', summary: '**line 3**' },
    });
    expect(ended.attempts).toEqual([
      { tier: 'skip', outcome: 'failed', reason: 'invalid policy file', error: 'line 3: bad key' },
    ]);
    expect(ended.claims).toEqual([]);
  });

  it('names an unpriced model in a failed check run and a failed row that keeps the classification', () => {
    const ended = unknownModel({ message: 'unknown model x' }, classification, silentLog);
    expect(ended.check).toMatchObject({
      conclusion: 'failure',
      output: { summary: 'unknown model x' },
    });
    expect(ended.attempts).toEqual([
      { tier: 'skip', outcome: 'failed', reason: 'unknown model', error: 'unknown model x' },
    ]);
    expect(ended.classification).toBe(classification);
  });

  it('says who stopped the reviews and in which comment', () => {
    const skip = { by: 'octocat', commentId: 901 };
    const ended = skippedByCommand(skip, silentLog);
    expect(describeSkip(skip)).toBe('skipped by /review skip from octocat (comment 901)');
    expect(ended.check).toMatchObject({
      conclusion: 'skipped',
      output: { title: 'Skipped by /review skip from octocat (comment 901)' },
    });
    expect(ended.attempts).toEqual([
      { tier: 'skip', outcome: 'skipped', reason: describeSkip(skip) },
    ]);
  });

  it('names the budget cap that skipped a review and keeps the deep estimate on its row', () => {
    const ended = routedSkip(
      {
        tier: 'skip',
        model: null,
        reason: 'monthly budget passed',
        rule: 'budget.monthly_usd',
        budgetNote: '$9.99 of $10.00 spent',
      },
      0.42,
      classification,
    );
    expect(ended.check).toEqual({
      id: null,
      conclusion: 'skipped',
      output: {
        title: "Skipped: this review would pass the repository's monthly budget",
        summary: '**Why:** monthly budget passed\n\n**Budget:** $9.99 of $10.00 spent',
      },
    });
    expect(ended.attempts).toEqual([
      { tier: 'skip', outcome: 'skipped', reason: 'monthly budget passed', deepCostUsd: 0.42 },
    ]);
  });
});
