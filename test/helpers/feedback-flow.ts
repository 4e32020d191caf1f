/** The feedback story driven through a test app: its review, its push, its close, and the CLI. */
import { dirname } from 'node:path';
import nock from 'nock';
import { expect } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/main.js';
import { APPLIED, DATE_FILE, FINDINGS, TEST_FILE } from './feedback-story.js';
import { mockFindingThreads, type ThreadAtClose } from './finding-threads.js';
import {
  mockCompare,
  mockReviewThreads,
  mockSummaryCollapse,
  newTalk,
} from './github-conversation.js';
import { GITHUB_API, mockChecks, mockPullRequest, mockReview } from './github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from './github-payloads.js';
import { modelAnswer } from './model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from './openai-responses.js';
import { A, B, FORMAT_AT_A, NOW, TEST_PATCH } from './push-patches.js';
import type { TestApp } from './test-app.js';
import { useTestApp } from './use-test-app.js';

export type Name = keyof typeof FINDINGS;

/** What people did in the threads, as the read at close sees it. */
export const closeThreads = (bodies: Record<Name, string>): ThreadAtClose[] => [
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
];

/** What the compare shows between A and B: the commit that applies the suggestion on line 3. */
export const APPLIED_A_TO_B = [
  '@@ -1,4 +1,4 @@',
  ' export export const formatDate = (date: Date): string => {',
  '   export const iso = date.toISOString();',
  '-  return iso.slice(0, 10);',
  `+${APPLIED}`,
  ' };',
].join('\n');

export const feedbackFlow = (app: TestApp) => {
  const summary = { text: '' };
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
    summary.text = String(github.sent.reviews[0]?.body);
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
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: B }),
      files: [prFile(DATE_FILE, atB), prFile(TEST_FILE, TEST_PATCH)],
    });
    const talk = newTalk();
    const scopes = [
      github.scope,
      mockCompare(A, B, { files: [prFile(DATE_FILE, APPLIED_A_TO_B)] }),
      mockChecks(github.sent),
      mockReview(github.sent, { id: 81 }),
      mockReviewThreads(talk, [{ resolved: true, body: bodies.liked }]),
      mockSummaryCollapse(talk, 80, summary.text),
      nock(OPENAI_TEST_ORIGIN)
        .post('/v1/responses')
        .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) })),
    ];
    await receive('push-2', 'pull_request', pullRequestEvent('synchronize', { headSha: B }));
    for (const scope of scopes) scope.done();
  };

  const closedPull = () => ({
    ...pullRequestObject({ headSha: B }),
    state: 'closed',
    merged: true,
  });

  /** The close: GitHub says the pull request is closed, and the threads say what people did. */
  const mockClose = (bodies: Record<Name, string>, threads = closeThreads(bodies)) => [
    nock(GITHUB_API).get('/repos/acme/api/pulls/7').reply(200, closedPull()),
    mockFindingThreads(threads),
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

  return { receive, reviewAtA, pushB, mockClose, cli };
};

export type FeedbackFlow = ReturnType<typeof feedbackFlow>;

/** Before each test, a fresh app whose clock stands at NOW and the feedback flow over it. */
export const useFeedbackFlow = (onStart: (app: TestApp, flow: FeedbackFlow) => void): void => {
  useTestApp(
    () => ({ now: () => new Date(NOW) }),
    (app) => onStart(app, feedbackFlow(app)),
  );
};
