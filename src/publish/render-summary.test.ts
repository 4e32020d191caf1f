import { describe, expect, it } from 'vitest';
import { finding } from '../../test/helpers/model-answers.js';
import { testClassification } from '../route/test-route-input.js';
import { MAX_REVIEW_BODY, renderReviewBody, type ReviewSummaryInput } from './render-summary.js';

const summary = (inBody: ReviewSummaryInput['placed']['inBody']): ReviewSummaryInput => ({
  tier: 'deep',
  provider: 'anthropic',
  model: 'claude-opus-4-6',
  reason: 'risk high',
  budgetNote: null,
  classification: testClassification({ level: 'high' }),
  answerSummary: 'A long review.',
  placed: { inline: [], inBody, belowSeverity: 0, overLimit: 0 },
  omitted: [],
  costUsd: 0.5,
  deepCostUsd: 0.5,
  escalation: null,
  notes: [],
  repository: null,
});

/** A finding outside the diff as long as the answer allows: a 4,000-character body, an 8,000-character fix. */
const long = (line: number) =>
  finding({
    line,
    title: `Finding #${line}.`,
    body: 'b'.repeat(4_000),
    suggestion: 's'.repeat(8_000),
  });

describe('renderReviewBody', () => {
  it('keeps the body within what GitHub takes, the first findings whole and the rest counted', () => {
    const findings = Array.from({ length: 20 }, (_, index) => long(index + 1));
    const body = renderReviewBody(summary(findings));
    expect(body.length).toBeLessThanOrEqual(MAX_REVIEW_BODY);
    expect(MAX_REVIEW_BODY).toBeLessThan(65_536);
    expect(body).toContain('Finding #1.');
    const shown = findings.filter((f) => body.includes(f.title));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(20);
    expect(body).toContain(
      `${20 - shown.length} more findings do not fit: GitHub takes at most 65,000 characters in a review.`,
    );
    // The closing marker stays, so a later summary can still collapse this one.
    expect(body).toContain('<!-- /review-router:findings -->');
    expect(body).toContain('it never approves or blocks a pull request.');
  });

  it('lists every finding when they fit, with no note', () => {
    const body = renderReviewBody(summary([finding({ line: 1 }), finding({ line: 2 })]));
    expect(body).toContain("#### Findings outside the diff's lines (2)");
    expect(body).not.toContain('do not fit');
  });
});
