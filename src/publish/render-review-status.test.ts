import { describe, expect, it } from 'vitest';
import type { ReviewScope } from '../domain/review-scope.js';
import {
  renderCoverage,
  renderPullCost,
  renderScopeLine,
  renderSuppressed,
} from './render-review-status.js';

const HIGH = { score: 0.63, level: 'high' as const, signals: [] };
const incremental = (
  overrides: Partial<Extract<ReviewScope, { kind: 'incremental' }>> = {},
): ReviewScope => ({
  kind: 'incremental',
  baseSha: 'a'.repeat(40),
  commits: 1,
  files: 2,
  pullFiles: 9,
  routedOn: 'increment',
  touchedRiskyPaths: [],
  pullRisk: HIGH,
  ...overrides,
});

describe('renderScopeLine', () => {
  it('says nothing about a first, whole review', () => {
    expect(renderScopeLine({ kind: 'full', note: null })).toBeNull();
  });

  it('says why a push was reviewed whole', () => {
    expect(renderScopeLine({ kind: 'full', note: 'aaaaaaa is gone' })).toBe(
      '**Scope:** the whole pull request, because aaaaaaa is gone',
    );
  });

  it('says a push was routed on its own changes, and what the whole pull request is', () => {
    expect(renderScopeLine(incremental())).toBe(
      "**Scope:** incremental, 1 new commit since `aaaaaaa` (2 of the pull request's 9 files changed). Routed on the new changes alone; the whole pull request's risk is high (0.63), but this push does not touch the files that make it so.",
    );
    expect(
      renderScopeLine(incremental({ pullRisk: { ...HIGH, level: 'low', score: 0.1 } })),
    ).toContain("the whole pull request's risk is low too.");
  });

  it("names the risky files a push touches again when it carries the pull request's risk", () => {
    expect(
      renderScopeLine(
        incremental({
          commits: 3,
          routedOn: 'pull-request',
          touchedRiskyPaths: ['src/auth/a.ts', 'src/auth/b.ts'],
        }),
      ),
    ).toContain(
      "Routed on the whole pull request's risk, high (0.63), because this push touches its risky files again: `src/auth/a.ts`, `src/auth/b.ts`.",
    );
  });
});

describe('renderSuppressed', () => {
  const none = { notAProblem: 0, lowConfidence: 0, repeated: 0, alreadyPosted: 0, resolved: 0 };

  it('says nothing when nothing was held back', () => {
    expect(renderSuppressed(none)).toBeNull();
  });

  it('counts every reason a finding was held back', () => {
    expect(
      renderSuppressed({
        notAProblem: 1,
        lowConfidence: 2,
        repeated: 1,
        alreadyPosted: 3,
        resolved: 1,
      }),
    ).toBe(
      '<sub>Not posted: 8 findings (3 already posted on this pull request, 1 in a thread a person resolved, 1 said twice in this answer, 2 the model was not confident about, 1 praise or restatement).</sub>',
    );
  });
});

describe('renderCoverage', () => {
  it('says so when every file was reviewed', () => {
    expect(renderCoverage([], 12)).toEqual(['**Coverage:** all 12 files reviewed.', '']);
    expect(renderCoverage([], 0)).toEqual([]);
  });

  it('lists a few files left out with why, those over the budget first', () => {
    const lines = renderCoverage(
      [
        { path: 'package-lock.json', reason: 'ignored by policy' },
        { path: 'src/big.ts', reason: 'over token budget' },
        { path: 'src/gen/api_pb.ts', reason: 'generated' },
      ],
      10,
    );
    expect(lines).toEqual([
      '**Coverage:** 7 of 10 files reviewed, most risky first; not reviewed: 1 over token budget, 1 lockfile (ignored by policy), 1 generated.',
      '',
      '#### Not reviewed (3 files)',
      '- `src/big.ts` — over token budget',
      '- `package-lock.json` — lockfile (ignored by policy)',
      '- `src/gen/api_pb.ts` — generated',
      '',
    ]);
  });

  it('folds a long list away and stops it before the review body would grow too large', () => {
    const omitted = Array.from({ length: 3_000 }, (_, index) => ({
      path: `src/modules/a-rather-long-directory-name/module-${index}.ts`,
      reason: 'over token budget',
    }));
    const text = renderCoverage(omitted, 3_000).join('\n');
    expect(text).toContain('<details><summary>Every file left out</summary>');
    expect(text).toMatch(/- … and \d+ more\n/);
    expect(text.length).toBeLessThan(32_000);
  });
});

describe('renderPullCost', () => {
  it('gives the running total over every review', () => {
    expect(renderPullCost({ totalUsd: 0.1234, reviews: 3 })).toBe(
      '**This pull request so far:** $0.123 over 3 reviews',
    );
  });
});
