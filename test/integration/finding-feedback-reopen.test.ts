/**
 * A pull request reopened and closed again, through the webhook: its findings are `open` while it
 * is open, and the second close re-evaluates them from the threads as they are then, counting
 * each finding once.
 */
import { describe, expect, it } from 'vitest';
import { closeThreads, useFeedbackFlow, type FeedbackFlow } from '../helpers/feedback-flow.js';
import { mockPolicyAndPull } from '../helpers/github-mock.js';
import { pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { B } from '../helpers/push-patches.js';
import type { TestApp } from '../helpers/test-app.js';

let app: TestApp;
let flow: FeedbackFlow;
useFeedbackFlow((started, made) => {
  app = started;
  flow = made;
});

describe('a pull request reopened and closed again', () => {
  it('reopens its findings, then re-evaluates them at the next close without counting twice', async () => {
    const bodies = await flow.reviewAtA();
    await flow.pushB(bodies);
    const close = flow.mockClose(bodies);
    await flow.receive('close-1', 'pull_request', pullRequestEvent('closed', { headSha: B }));
    for (const scope of close) scope.done();
    const first = await flow.cli('--group-by', 'category', '--format', 'json');
    expect(first.map((g) => [g.category, g.actedOn, g.dismissed, g.noSignal])).toEqual([
      ['correctness', 2, 0, 0],
      ['style', 0, 2, 1],
    ]);

    // Reopened: the review job finds head B already reviewed, before it reads the files (a read
    // of them would find no mock, and fail the job); the feedback job finds it open.
    const reopened = mockPolicyAndPull(pullRequestObject({ headSha: B }), { pullReads: 2 });
    await flow.receive('reopen-1', 'pull_request', pullRequestEvent('reopened', { headSha: B }));
    reopened.done();
    expect(app.errors).toEqual([]);
    expect((await flow.cli('--format', 'json')).map((f) => f.outcome)).toEqual(
      Array(5).fill('open'),
    );

    // Closed again: the style finding nobody reacted to got a +1 on a resolved thread meanwhile.
    const threads = closeThreads(bodies).map((thread) =>
      thread.body === bodies.ignored
        ? { ...thread, resolvedBy: 'octocat', up: ['octocat'] }
        : thread,
    );
    const again = flow.mockClose(bodies, threads);
    await flow.receive('close-2', 'pull_request', pullRequestEvent('closed', { headSha: B }));
    for (const scope of again) scope.done();
    expect(app.errors).toEqual([]);
    const second = await flow.cli('--group-by', 'category', '--format', 'json');
    expect(second.map((g) => [g.category, g.findings, g.actedOn, g.dismissed, g.noSignal])).toEqual(
      [
        ['correctness', 2, 2, 0, 0],
        ['style', 3, 1, 2, 0],
      ],
    );
    const [ledgerTotals] = await app.ledger.groupFindings({}, []);
    expect(ledgerTotals?.findings).toBe(5);
  });
});
