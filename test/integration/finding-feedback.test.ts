/**
 * The feedback on findings, end to end through the webhook: a review posts five findings; a
 * person resolves one thread; a push applies one suggestion; the pull request closes; the one
 * read at close sees replies, reactions and resolutions. `findings --format json` then shows each
 * finding's outcome and the grouped rates, and redelivered or late events change nothing.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dirname } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { mockFindingThreads } from '../helpers/finding-threads.js';
import {
  mockReviewThreads,
  mockSummaryCollapse,
  newTalk,
  mockCompare,
} from '../helpers/github-conversation.js';
import { GITHUB_API, mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { APPLIED, DATE_FILE, FINDINGS, TEST_FILE, threadEvent } from '../helpers/feedback-story.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import { A, B, FORMAT_AT_A, NOW, TEST_PATCH } from '../helpers/push-patches.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Name = keyof typeof FINDINGS;

let app: TestApp;
let firstSummary = '';
beforeEach(async () => {
  nock.disableNetConnect();
  app = await startTestApp({ now: () => new Date(NOW) });
});
afterEach(async () => {
  await app.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

const receive = async (id: string, name: string, payload: unknown) => {
  await app.probot.receive({ id, name, payload } as never);
  await app.queue.idle();
};

/** Head A: the first review posts the five findings inline; returns each one's comment body. */
const reviewAtA = async (): Promise<Record<Name, string>> => {
  const github = mockPullRequest({
    pull: pullRequestObject({ headSha: A }),
    files: [prFile(DATE_FILE, FORMAT_AT_A), prFile(TEST_FILE, TEST_PATCH)],
  });
  const scopes = [
    github.scope,
    mockChecks(github.sent),
    mockReview(github.sent, { id: 80 }),
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ findings: Object.values(FINDINGS) }) })),
  ];
  await receive('open-1', 'pull_request', pullRequestEvent('opened', { headSha: A }));
  for (const scope of scopes) scope.done();
  firstSummary = String(github.sent.reviews[0]?.body);
  const comments: Array<{ path: string; line: number; body: string }> =
    github.sent.reviews[0]?.comments ?? [];
  expect(comments).toHaveLength(5);
  const bodyOf = (name: Name) =>
    comments.find((c) => c.path === FINDINGS[name].path && c.line === FINDINGS[name].line)!.body;
  return Object.fromEntries(
    Object.keys(FINDINGS).map((name) => [name, bodyOf(name as Name)]),
  ) as Record<Name, string>;
};

/** Head B: one commit applies the suggestion on line 3; the review of it finds nothing new. */
const pushB = async (bodies: Record<Name, string>) => {
  const atB = [
    '@@ -1,3 +1,4 @@',
    ' export export const formatDate = (date: Date): string => {',
    '-  return date.toISOString();',
    '+  export const iso = date.toISOString();',
    `+${APPLIED}`,
    ' };',
  ].join('\n');
  const aToB = [
    '@@ -1,4 +1,4 @@',
    ' export export const formatDate = (date: Date): string => {',
    '   export const iso = date.toISOString();',
    '-  return iso.slice(0, 10);',
    `+${APPLIED}`,
    ' };',
  ].join('\n');
  const github = mockPullRequest({
    pull: pullRequestObject({ headSha: B }),
    files: [prFile(DATE_FILE, atB), prFile(TEST_FILE, TEST_PATCH)],
  });
  const talk = newTalk();
  const scopes = [
    github.scope,
    mockCompare(A, B, { files: [prFile(DATE_FILE, aToB)] }),
    mockChecks(github.sent),
    mockReview(github.sent, { id: 81 }),
    mockReviewThreads(talk, [{ resolved: true, body: bodies.liked }]),
    mockSummaryCollapse(talk, 80, firstSummary),
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) })),
  ];
  await receive('push-2', 'pull_request', pullRequestEvent('synchronize', { headSha: B }));
  for (const scope of scopes) scope.done();
};

const closedPull = () => ({ ...pullRequestObject({ headSha: B }), state: 'closed', merged: true });

/** The close: GitHub says the pull request is closed, and the threads say what people did. */
const mockClose = (bodies: Record<Name, string>) => [
  nock(GITHUB_API).get('/repos/acme/api/pulls/7').reply(200, closedPull()),
  mockFindingThreads([
    { body: bodies.applied },
    {
      body: bodies.liked,
      resolvedBy: 'maintainer',
      up: ['maintainer'],
      replies: [{ login: 'octocat' }],
    },
    { body: bodies.disliked, down: ['octocat'] },
    { body: bodies.ignored, up: ['renovate[bot]'], replies: [{ login: 'ci', bot: true }] },
    { body: bodies.resolved, resolvedBy: 'maintainer' },
  ]),
];

const cli = async (...args: string[]) => {
  const out: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    readStdin: () => Promise.resolve(''),
  };
  expect(await runCli(['findings', ...args], io, { DATA_DIR: dirname(app.ledgerFile) })).toBe(0);
  return JSON.parse(out.join('\n')) as Array<Record<string, any>>;
};

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
