/**
 * Budgets that follow a pull request across every push and command, and budget alerts raised once
 * per month and share, through the webhook.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../../src/ledger/sample-entry.js';
import { createMetrics } from '../../src/metrics/create-metrics.js';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { AUTH_PATCH, ROUTINE_PATCH } from '../helpers/sample-patches.js';
import { useTestApp } from '../helpers/use-test-app.js';

const NOW = '2026-11-21T10:00:00.000Z';
const HEAD = 'c0ffee'.padEnd(40, '0');

const policyText = (...budget: string[]): string =>
  ['budget:', ...budget.map((line) => `  ${line}`), ''].join('\n');

let app: TestApp;
let metrics: ReturnType<typeof createMetrics>;

useTestApp(
  () => {
    metrics = createMetrics({ processMetrics: false });
    return { now: () => new Date(NOW), metrics };
  },
  (started) => {
    app = started;
  },
);

const deliver = (id: string, number = 7) =>
  app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent('opened', { headSha: HEAD, number }) as never,
  });

/** Spend recorded before the test: an earlier push of a pull request, in an earlier month too. */
const seed = (costUsd: number, pr: number, startedAt = '2026-10-05T09:00:00.000Z') =>
  app.ledger.record(
    sampleEntry({ repo: 'acme/api', pr, costUsd, deliveryId: `earlier-${pr}`, startedAt }),
  );

const mockPull = (
  policy: string,
  patch: string,
  options: { number?: number; pullReads?: number } = {},
) =>
  mockPullRequest({
    policy,
    number: options.number ?? 7,
    ...(options.pullReads === undefined ? {} : { pullReads: options.pullReads }),
    pull: pullRequestObject({ headSha: HEAD, number: options.number ?? 7 }),
    files: [prFile(patch === AUTH_PATCH ? 'src/auth/session.ts' : 'src/format-date.ts', patch)],
  });

const replyFast = () =>
  nock(OPENAI_TEST_ORIGIN)
    .post('/v1/responses')
    .reply(200, openAIResponse({ answer: modelAnswer() }));

describe('budget.per_pull_request_usd', () => {
  it("reviews a deep-risk push on the fast tier when the pull request's earlier pushes leave too little, counting no other pull request", async () => {
    await seed(4.9, 7);
    await seed(50, 8);
    const github = mockPull(policyText('per_pull_request_usd: 5'), AUTH_PATCH);
    mockChecks(github.sent);
    mockReview(github.sent);
    replyFast();

    await deliver('delivery-pull-cap');
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    const note =
      /\*\*Budget:\*\* pull request budget \$5\.00: \$4\.90 spent on this pull request; a deep review \(~\$\d+\.\d+\) would pass it, so this review runs on the fast tier/;
    expect(String(github.sent.reviews[0]?.body)).toContain(
      "the pull request's budget would be passed, so fast tier instead",
    );
    expect(github.sent.checkRunUpdates[0]?.output.summary).toMatch(note);
    const rows = await app.ledger.list({ repo: 'acme/api', pr: 7 });
    expect(rows.map((row) => [row.tier, row.outcome])).toEqual([
      ['fast', 'posted'],
      ['deep', 'posted'],
    ]);
    expect(rows.reduce((sum, row) => sum + row.costUsd, 0)).toBeLessThanOrEqual(5);
  });

  it("skips with a skipped check run naming the pull request's budget when even a fast review would pass it", async () => {
    await seed(4.999, 7);
    const github = mockPull(policyText('per_pull_request_usd: 5'), ROUTINE_PATCH, {
      pullReads: 1,
    });
    mockChecks(github.sent);

    await deliver('delivery-pull-skip');
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(github.sent.reviews).toEqual([]);
    const update = github.sent.checkRunUpdates[0];
    expect(update?.conclusion).toBe('skipped');
    expect(update?.output.title).toBe("Skipped: this review would pass the pull request's budget");
    expect(update?.output.summary).toContain(
      'pull request budget $5.00: $5.00 spent on this pull request',
    );
  });
});

describe('budget.alert_at', () => {
  it('raises each share of the monthly budget once per month: a check run line, a metric and no repeat', async () => {
    await seed(7.6, 3, '2026-11-02T09:00:00.000Z');
    const first = mockPull(
      policyText('monthly_usd: 10', 'alert_at: [0.5, 0.75, 0.9]'),
      ROUTINE_PATCH,
    );
    mockChecks(first.sent);
    mockReview(first.sent);
    replyFast();
    await deliver('delivery-alert-1');
    await app.queue.idle();

    const summary = String(first.sent.checkRunUpdates[0]?.output.summary);
    const alerts = summary.split('\n').filter((line) => line.startsWith('**Budget alert:**'));
    expect(alerts).toEqual([
      expect.stringMatching(
        /^\*\*Budget alert:\*\* this repository has spent \$7\.6\d* in 2026-11, 50% or more of its monthly budget of \$10\.00/,
      ),
      expect.stringMatching(/75% or more of its monthly budget of \$10\.00/),
    ]);
    expect(await metrics.registry.metrics()).toContain(
      'review_router_budget_alerts_total{share="0.75"} 1',
    );

    const second = mockPull(
      policyText('monthly_usd: 10', 'alert_at: [0.5, 0.75, 0.9]'),
      ROUTINE_PATCH,
      { number: 9 },
    );
    mockChecks(second.sent);
    mockReview(second.sent, { number: 9 });
    replyFast();
    await deliver('delivery-alert-2', 9);
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(String(second.sent.checkRunUpdates[0]?.output.summary)).not.toContain('Budget alert');
    expect(await metrics.registry.metrics()).toContain(
      'review_router_budget_alerts_total{share="0.5"} 1',
    );
    expect(await metrics.registry.metrics()).not.toContain('share="0.9"');
  });
});
