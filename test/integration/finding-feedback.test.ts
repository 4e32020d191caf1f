/**
 * The feedback on findings, end to end through the webhook: a review posts five findings; a
 * person resolves one thread; a push applies one suggestion; the pull request closes; the one
 * read at close sees replies, reactions and resolutions. `findings --format json` then shows each
 * finding's outcome and the grouped rates, and redelivered or late events change nothing.
 */
import { describe, expect, it } from 'vitest';
import { useFeedbackFlow, type FeedbackFlow, type Name } from '../helpers/feedback-flow.js';
import { FINDINGS, threadEvent } from '../helpers/feedback-story.js';
import { pullRequestEvent } from '../helpers/github-payloads.js';
import { B } from '../helpers/push-patches.js';
import type { TestApp } from '../helpers/test-app.js';

let app: TestApp;
let receive: FeedbackFlow['receive'];
let reviewAtA: FeedbackFlow['reviewAtA'];
let pushB: FeedbackFlow['pushB'];
let mockClose: FeedbackFlow['mockClose'];
let cli: FeedbackFlow['cli'];
useFeedbackFlow((started, flow) => {
  app = started;
  ({ receive, reviewAtA, pushB, mockClose, cli } = flow);
});

describe('the feedback on findings', () => {
  it('gives each finding its outcome at close and the grouped rates, and redeliveries change nothing', async () => {
    const bodies = await reviewAtA();
    await receive('thread-1', 'pull_request_review_thread', threadEvent('resolved', bodies.liked));
    // A bot resolving a thread is no signal.
    await receive(
      'thread-2',
      'pull_request_review_thread',
      threadEvent('resolved', bodies.ignored, 'ci[bot]'),
    );
    await pushB(bodies);
    expect((await cli('--format', 'json')).map((f) => f.outcome)).toEqual(Array(5).fill('open'));

    const close = mockClose(bodies);
    await receive('close-1', 'pull_request', pullRequestEvent('closed', { headSha: B }));
    for (const scope of close) scope.done();
    expect(app.errors).toEqual([]);

    const findings = await cli('--format', 'json');
    const byTitle = (name: Name) =>
      findings.find((f) => f.line === FINDINGS[name].line && f.path === FINDINGS[name].path)!;
    expect(byTitle('applied')).toMatchObject({
      outcome: 'acted-on',
      signals: ['suggestion-applied', 'lines-changed'],
    });
    expect(byTitle('liked')).toMatchObject({
      outcome: 'acted-on',
      signals: ['resolved', 'replied', '+1'],
    });
    expect(byTitle('disliked')).toMatchObject({ outcome: 'dismissed', signals: ['-1'] });
    expect(byTitle('ignored')).toMatchObject({ outcome: 'no-signal', signals: [] });
    expect(byTitle('resolved')).toMatchObject({ outcome: 'dismissed', signals: ['resolved'] });
    expect(Object.keys(findings[0]!)).toEqual([
      'repo',
      'pr',
      'fingerprint',
      'path',
      'line',
      'tier',
      'provider',
      'model',
      'category',
      'severity',
      'outcome',
      'signals',
      'postedAt',
      'costUsd',
    ]);
    const [review] = await app.ledger.list({ repo: 'acme/api', pr: 7, limit: 1 });
    const firstReview = (await app.ledger.list({ repo: 'acme/api', pr: 7 })).at(-1)!;
    expect(review).toBeDefined();
    const shares = findings.map((f) => Math.round(f.costUsd * 1e9));
    expect(shares.reduce((sum, share) => sum + share, 0)).toBe(
      Math.round(firstReview.costUsd * 1e9),
    );

    const byCategory = await cli('--group-by', 'category', '--format', 'json');
    const correctnessCost = byTitle('applied').costUsd + byTitle('liked').costUsd;
    expect(byCategory).toEqual([
      {
        category: 'correctness',
        findings: 2,
        actedOn: 2,
        dismissed: 0,
        noSignal: 0,
        open: 0,
        actedOnRate: 1,
        costUsd: expect.closeTo(correctnessCost, 9),
        costPerActedOnUsd: expect.closeTo(correctnessCost / 2, 9),
      },
      {
        category: 'style',
        findings: 3,
        actedOn: 0,
        dismissed: 2,
        noSignal: 1,
        open: 0,
        actedOnRate: 0,
        costUsd: expect.any(Number),
        costPerActedOnUsd: null,
      },
    ]);
    const byTierModel = await cli('--group-by', 'tier,model', '--format', 'json');
    expect(byTierModel).toMatchObject([
      { tier: 'fast', model: 'gpt-5.3-codex', findings: 5, actedOn: 2, actedOnRate: 0.4 },
    ]);

    // Redelivered: the same delivery is queued once; a second delivery of the close reads again
    // and decides the same; a late thread event and a late reopen of a closed pull request add nothing.
    await receive('close-1', 'pull_request', pullRequestEvent('closed', { headSha: B }));
    const again = mockClose(bodies);
    await receive('close-2', 'pull_request', pullRequestEvent('closed', { headSha: B }));
    for (const scope of again) scope.done();
    await receive(
      'thread-3',
      'pull_request_review_thread',
      threadEvent('resolved', bodies.resolved),
    );
    await receive('thread-1', 'pull_request_review_thread', threadEvent('resolved', bodies.liked));
    expect(app.errors).toEqual([]);
    expect(await cli('--format', 'json')).toEqual(findings);
    expect(await cli('--group-by', 'category', '--format', 'json')).toEqual(byCategory);
    // Five findings are too few to advise on: no policy change is suggested.
    expect(await cli('--suggest', '--format', 'json')).toEqual([]);
  });
});
