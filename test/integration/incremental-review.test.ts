/**
 * Incremental reviews and no repeats: a push is reviewed for what changed
 * since the head SHA the app reviewed last, a finding is posted once per pull request, a thread a
 * person resolved is not reopened, and one summary stays current.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/domain/format-usd.js';
import {
  mockCompare,
  mockReviewThreads,
  mockSummaryCollapse,
  newTalk,
} from '../helpers/github-conversation.js';
import { mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { finding, modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import {
  A,
  B,
  FORMAT_A_TO_B,
  FORMAT_AT_A,
  FORMAT_AT_B,
  NOW,
  TEST_PATCH,
  TZ_PATCH,
} from '../helpers/push-patches.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const timeZoneDropped = (line: number) =>
  finding({
    path: 'src/utils/format-date.ts',
    line,
    severity: 'warning',
    category: 'correctness',
    title: 'Time zone dropped',
    body: 'Slicing the ISO string keeps the UTC day, which may not be the local day.',
    suggestion: null,
  });

const tzAtImport = finding({
  path: 'src/utils/tz.ts',
  line: 1,
  severity: 'warning',
  category: 'bug',
  title: 'Time zone read once, at import',
  body: 'A later change to TZ is never seen.',
  suggestion: null,
});

let app: TestApp;

useTestApp(
  () => ({ now: () => new Date(NOW) }),
  (started) => {
    app = started;
  },
);

const deliver = async (id: string, action: string, headSha: string) => {
  await app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent(action, { headSha }) as never,
  });
  await app.queue.idle();
};

/** The first review of the pull request at head A: one finding on format-date.ts line 3. */
const reviewFirstHead = async () => {
  const github = mockPullRequest({
    pull: pullRequestObject({ headSha: A }),
    files: [
      prFile('src/utils/format-date.ts', FORMAT_AT_A),
      prFile('test/format-date.test.ts', TEST_PATCH),
    ],
  });
  const scopes = [
    github.scope,
    mockChecks(github.sent),
    mockReview(github.sent, { id: 80 }),
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer({ findings: [timeZoneDropped(3)] }) })),
  ];
  await deliver('push-1', 'opened', A);
  for (const scope of scopes) scope.done();
  expect(app.errors).toEqual([]);
  const [review] = github.sent.reviews;
  expect(review?.comments).toHaveLength(1);
  return { body: String(review?.body), comment: String(review?.comments[0].body) };
};

/** The second head B: format-date.ts shifted by two lines, tz.ts added; the model sees both. */
const secondHeadMocks = (answerFindings: ReturnType<typeof finding>[]) => {
  const github = mockPullRequest({
    pull: pullRequestObject({ headSha: B }),
    files: [
      prFile('src/utils/format-date.ts', FORMAT_AT_B),
      prFile('test/format-date.test.ts', TEST_PATCH),
      prFile('src/utils/tz.ts', TZ_PATCH, { status: 'added' }),
    ],
  });
  const compare = mockCompare(A, B, {
    aheadBy: 2,
    files: [
      prFile('src/utils/format-date.ts', FORMAT_A_TO_B),
      prFile('src/utils/tz.ts', TZ_PATCH, { status: 'added' }),
      // Merged in from the base branch: not part of the pull request.
      prFile('src/from-main.ts', '@@ -0,0 +1 @@\n+export const fromMain = true;', {
        status: 'added',
      }),
    ],
  });
  let request: Record<string, any> = {};
  const openai = nock(OPENAI_TEST_ORIGIN)
    .post('/v1/responses', (body) => {
      request = body as Record<string, any>;
      return true;
    })
    .reply(200, openAIResponse({ answer: modelAnswer({ findings: answerFindings }) }));
  return {
    github,
    scopes: [
      github.scope,
      compare,
      mockChecks(github.sent),
      mockReview(github.sent, { id: 81 }),
      openai,
    ],
    prompt: () => JSON.stringify(request),
  };
};

/** The rest of one review of a push: its check run, its review and a model that finds nothing. */
const answerWithoutFindings = (
  github: ReturnType<typeof mockPullRequest>,
  compare: ReturnType<typeof mockCompare>,
) => {
  let prompt = '';
  const scopes = [
    github.scope,
    compare,
    mockChecks(github.sent),
    mockReview(github.sent),
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses', (body) => {
        prompt = JSON.stringify(body);
        return true;
      })
      .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) })),
  ];
  return { scopes, prompt: () => prompt };
};

describe('a push to a pull request the app has reviewed', () => {
  it('is reviewed only for its new commits, without repeating a finding that moved', async () => {
    const first = await reviewFirstHead();
    const talk = newTalk();
    const second = secondHeadMocks([timeZoneDropped(5), tzAtImport]);
    const threads = mockReviewThreads(talk, [{ resolved: false, body: first.comment }]);
    const collapse = mockSummaryCollapse(talk, 80, first.body);

    await deliver('push-2', 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of [...second.scopes, threads, collapse]) scope.done();
    const prompt = second.prompt();
    expect(prompt).toContain('src/utils/tz.ts');
    expect(prompt).toContain("import { tz } from './tz.js';");
    expect(prompt).not.toContain('test/format-date.test.ts');
    expect(prompt).not.toContain('src/from-main.ts');
    expect(prompt).toContain('incremental: only the changes since aaaaaaa');

    const [review] = second.github.sent.reviews;
    expect(review?.commit_id).toBe(B);
    expect(review?.comments.map((comment: { path: string }) => comment.path)).toEqual([
      'src/utils/tz.ts',
    ]);
    const body = String(review?.body);
    expect(body).toContain(
      "**Scope:** incremental, 2 new commits since `aaaaaaa` (2 of the pull request's 3 files changed). Routed on the new changes alone",
    );
    expect(body).toContain(
      '<sub>Not posted: 1 finding (1 already posted on this pull request).</sub>',
    );
    const rows = await app.ledger.list({ repo: 'acme/api', pr: 7 });
    const total = rows.reduce((sum, row) => sum + row.costUsd, 0);
    expect(rows.map((row) => row.outcome)).toEqual(['posted', 'posted']);
    expect(body).toContain(`**This pull request so far:** ${formatUsd(total)} over 2 reviews`);

    // One summary stays current: the first review's is cut down to a pointer to this one.
    expect(talk.reviewUpdates).toHaveLength(1);
    expect(talk.reviewUpdates[0]?.body).toContain('this summary is out of date');
    expect(talk.reviewUpdates[0]?.body).toContain('#pullrequestreview-81');
    expect(await app.ledger.getPullState({ repo: 'acme/api', pr: 7 })).toMatchObject({
      lastReviewedSha: B,
      summaryReviewId: 81,
      skip: null,
    });
    expect(await app.ledger.listPostedFindings({ repo: 'acme/api', pr: 7 })).toHaveLength(2);
  });

  it('does not reopen a finding whose thread a person resolved', async () => {
    const first = await reviewFirstHead();
    const talk = newTalk();
    const second = secondHeadMocks([timeZoneDropped(5)]);
    const threads = mockReviewThreads(talk, [{ resolved: true, body: first.comment }]);
    const collapse = mockSummaryCollapse(talk, 80, first.body);

    await deliver('push-2', 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of [...second.scopes, threads, collapse]) scope.done();
    expect(talk.graphql[0]?.variables).toEqual({ owner: 'acme', repo: 'api', pr: 7, cursor: null });
    const [review] = second.github.sent.reviews;
    expect(review?.comments).toEqual([]);
    expect(String(review?.body)).toContain(
      '<sub>Not posted: 1 finding (1 in a thread a person resolved).</sub>',
    );
  });

  it.each([
    ['GitHub no longer has the reviewed commit', { error: 404 }],
    ['the reviewed commit is not an ancestor of the head', { status: 'diverged', files: [] }],
  ] as const)('is reviewed whole when %s (a force-push)', async (_case, answer) => {
    await app.ledger.updatePullState({ repo: 'acme/api', pr: 7, at: NOW, lastReviewedSha: A });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: B }),
      files: [
        prFile('src/utils/format-date.ts', FORMAT_AT_B),
        prFile('test/format-date.test.ts', TEST_PATCH),
      ],
    });
    const compare = mockCompare(A, B, answer);
    const { scopes, prompt } = answerWithoutFindings(github, compare);

    await deliver('push-forced', 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    expect(prompt()).toContain('test/format-date.test.ts');
    expect(prompt()).not.toContain('incremental');
    expect(String(github.sent.reviews[0]?.body)).toContain(
      "**Scope:** the whole pull request, because aaaaaaa, the commit reviewed last, is no longer in this branch's history",
    );
    expect((await app.ledger.getPullState({ repo: 'acme/api', pr: 7 }))?.lastReviewedSha).toBe(B);
  });

  it('redacts in the new commits a secret that the rest of the pull request holds', async () => {
    const PASSWORD = 'Vq3Lp8Wn5Rk2Tz7Xm4';
    const report = `@@ -0,0 +1 @@\n+export const report = () => connect('admin', '${PASSWORD}');`;
    await app.ledger.updatePullState({ repo: 'acme/api', pr: 7, at: NOW, lastReviewedSha: A });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: B }),
      files: [
        prFile('src/settings.ts', `@@ -0,0 +1 @@\n+export const DB_PASSWORD = "${PASSWORD}";`, {
          status: 'added',
        }),
        prFile('src/report.ts', report, { status: 'added' }),
      ],
    });
    // Only report.ts changed since A: the value is recognised in settings.ts, outside the increment.
    const compare = mockCompare(A, B, {
      files: [prFile('src/report.ts', report, { status: 'added' })],
    });
    const { scopes, prompt } = answerWithoutFindings(github, compare);

    await deliver('push-secret', 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();
    expect(prompt()).toContain('src/report.ts');
    expect(prompt()).toContain('[REDACTED:');
    expect(prompt()).not.toContain(PASSWORD);
  });

  it('does not repeat a finding on a range that the new commits show only in part', async () => {
    const lines = (changedSixth: boolean) =>
      Array.from({ length: 10 }, (_, index) =>
        index === 5 && changedSixth
          ? 'export const v6 = 600;'
          : `export const v${index + 1} = ${index + 1};`,
      );
    const whole = (text: readonly string[]) =>
      ['@@ -0,0 +1,10 @@', ...text.map((line) => `+${line}`)].join('\n');
    // The push changes line 6; the compare shows lines 3 to 9, so line 2 of the range is not in it.
    const aToB = [
      '@@ -3,7 +3,7 @@',
      ...lines(false)
        .slice(2, 5)
        .map((line) => ` ${line}`),
      `-${lines(false)[5]}`,
      `+${lines(true)[5]}`,
      ...lines(false)
        .slice(6, 9)
        .map((line) => ` ${line}`),
    ].join('\n');
    const magicNumbers = finding({
      path: 'src/consts.ts',
      start_line: 2,
      line: 4,
      severity: 'warning',
      category: 'maintainability',
      title: 'Magic numbers',
      body: 'Name these values.',
      suggestion: null,
    });
    const answer = () =>
      nock(OPENAI_TEST_ORIGIN)
        .post('/v1/responses')
        .reply(200, openAIResponse({ answer: modelAnswer({ findings: [magicNumbers] }) }));
    const added = { status: 'added' };
    // Both heads on the fast tier, whose answer is mocked.
    const policy = 'routing:\n  rules: []\n  default: fast\n';
    const firstHead = mockPullRequest({
      pull: pullRequestObject({ headSha: A }),
      policy,
      files: [prFile('src/consts.ts', whole(lines(false)), added)],
    });
    const first = [
      firstHead.scope,
      mockChecks(firstHead.sent),
      mockReview(firstHead.sent, { id: 80 }),
      answer(),
    ];
    await deliver('push-range-1', 'opened', A);
    for (const scope of first) scope.done();
    const [posted] = firstHead.sent.reviews;
    expect(posted?.comments).toHaveLength(1);

    const talk = newTalk();
    const secondHead = mockPullRequest({
      pull: pullRequestObject({ headSha: B }),
      policy,
      files: [prFile('src/consts.ts', whole(lines(true)), added)],
    });
    const second = [
      secondHead.scope,
      mockCompare(A, B, { files: [prFile('src/consts.ts', aToB)] }),
      mockChecks(secondHead.sent),
      mockReview(secondHead.sent, { id: 81 }),
      mockReviewThreads(talk, [{ resolved: false, body: String(posted?.comments[0].body) }]),
      mockSummaryCollapse(talk, 80, String(posted?.body)),
      answer(),
    ];
    await deliver('push-range-2', 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of second) scope.done();
    const [again] = secondHead.sent.reviews;
    expect(again?.comments).toEqual([]);
    expect(String(again?.body)).toContain(
      '<sub>Not posted: 1 finding (1 already posted on this pull request).</sub>',
    );
  });

  it.each([
    [
      'it changed none of the pull request files (a merge of the base branch)',
      'push-merge',
      { files: [prFile('src/from-main.ts', '@@ -0,0 +1 @@\n+export const fromMain = true;')] },
    ],
    [
      "a merge of the base branch changed only lines of the pull request's files that it did not change",
      'push-merge-same-file',
      {
        aheadBy: 3,
        // The base branch changed line 40 of the same file; the merge brought it in.
        files: [
          prFile(
            'src/utils/format-date.ts',
            '@@ -39,3 +39,3 @@\n export const m = 13;\n-export const n = 14;\n+export const n = 140;\n export const o = 15;',
          ),
        ],
      },
    ],
  ])('is skipped when %s', async (_case, deliveryId, compared) => {
    await app.ledger.updatePullState({ repo: 'acme/api', pr: 7, at: NOW, lastReviewedSha: A });
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: B }),
      files: [prFile('src/utils/format-date.ts', FORMAT_AT_A)],
      pullReads: 1,
    });
    const compare = mockCompare(A, B, compared);
    const checks = mockChecks(github.sent);

    await deliver(deliveryId, 'synchronize', B);

    expect(app.errors).toEqual([]);
    for (const scope of [github.scope, compare, checks]) scope.done();
    expect(github.sent.checkRunUpdates[0]).toMatchObject({ conclusion: 'skipped' });
    expect(github.sent.checkRunUpdates[0]?.output.title).toBe(
      'Skipped: no file of this pull request changed since aaaaaaa, the commit reviewed last',
    );
  });
});
