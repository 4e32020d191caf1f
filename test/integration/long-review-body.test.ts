/**
 * A review whose findings outside the diff's lines do not all fit in GitHub's 65,536-character
 * review body: those left out are counted in the body, and only those shown are remembered as
 * posted, so a later push can still post them.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { finding, modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import { ROUTINE_PATCH } from '../helpers/sample-patches.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = '1009'.padEnd(40, '0');

let app: TestApp;
useTestApp(
  () => ({ now: () => new Date('2026-11-21T10:00:00.000Z') }),
  (started) => {
    app = started;
  },
);

describe('findings that do not fit in the review body', () => {
  it('remembers as posted only the findings the body shows', async () => {
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: [prFile('src/utils/format-date.ts', ROUTINE_PATCH)],
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    // Twelve findings on lines the diff does not show, about 11,000 characters each with their code.
    const findings = Array.from({ length: 12 }, (_, index) =>
      finding({
        path: 'src/utils/format-date.ts',
        line: 900 + index,
        severity: 'error',
        category: 'bug',
        title: `Long finding number ${index + 1}`,
        body: `Finding ${index + 1}: ${'the date is read in the wrong zone. '.repeat(100)}`,
        suggestion: `const day${index} = toLocalDay(date);\n`.repeat(250),
      }),
    );
    const openai = nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ findings }) }));

    await app.probot.receive({
      id: 'delivery-long',
      name: 'pull_request',
      payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
    });
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    for (const scope of [github.scope, checks, review, openai]) scope.done();
    const body = String(github.sent.reviews[0]?.body);
    const shown = findings.filter((f) => body.includes(` line ${f.line}: `)).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(12);
    expect(body).toContain(`${12 - shown} more findings do not fit`);
    const posted = await app.ledger.listPostedFindings({ repo: 'acme/api', pr: 7 });
    expect(posted).toHaveLength(shown);
  });
});
