/**
 * Budgets that bite: the monthly cap checked against the ledger before each
 * review, the per-review cap trimming the prompt, and two reviews racing for the last of a budget.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from '../../src/ledger/sample-entry.js';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from '../helpers/anthropic-messages.js';
import { GITHUB_API, mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { AUTH_PATCH, ROUTINE_PATCH } from '../helpers/sample-patches.js';
import { useTestApp } from '../helpers/use-test-app.js';

const NOW = '2026-11-21T10:00:00.000Z';
const MONTH = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const HEAD = 'b0d9e7'.padEnd(40, '0');

/** A long, low-risk change: a table of constants, `lines` lines added. */
const constantsPatch = (name: string, lines: number): string =>
  [
    `@@ -0,0 +1,${lines} @@`,
    ...Array.from(
      { length: lines },
      (_, i) => `+export const ${name}_${i} = { label: 'entry number ${i}', weight: ${i * 7} };`,
    ),
  ].join('\n');

const policyText = (...budget: string[]): string =>
  ['budget:', ...budget.map((line) => `  ${line}`), ''].join('\n');

let app: TestApp;

useTestApp(
  () => ({ now: () => new Date(NOW) }),
  (started) => {
    app = started;
  },
);

const deliver = async (id: string, number = 7) => {
  await app.probot.receive({
    id,
    name: 'pull_request',
    payload: pullRequestEvent('opened', { headSha: HEAD, number }) as never,
  });
};

/** What the repository spent before the test, recorded as one earlier review this month. */
const seedSpend = (costUsd: number, repo = 'acme/api') =>
  app.ledger.record(
    sampleEntry({ repo, costUsd, deliveryId: 'earlier', startedAt: '2026-11-05T09:00:00.000Z' }),
  );

const monthTotal = async (): Promise<number> =>
  (await app.ledger.list({ since: MONTH.from, until: MONTH.to })).reduce(
    (sum, row) => sum + row.costUsd,
    0,
  );

/** A pull request that touches authentication code: the default rules route it deep. */
const mockAuthPull = (
  options: { policy?: string; orgPolicy?: string; number?: number; pullReads?: number } = {},
) =>
  mockPullRequest({
    ...options,
    pull: pullRequestObject({ headSha: HEAD, number: options.number ?? 7 }),
    files: [prFile('src/auth/session.ts', AUTH_PATCH)],
  });

const reservedNow = async (): Promise<number> =>
  (await app.ledger.committed({ scope: 'org', repo: 'acme/api', ...MONTH, at: NOW })).reservedUsd;

/** Every interceptor used, every reservation released. */
const expectAllDone = async () => {
  expect(app.errors).toEqual([]);
  expect(nock.pendingMocks()).toEqual([]);
  expect(await reservedNow()).toBe(0);
};

/** "$0.159": an estimate as the budget note prints it. */
const USD = String.raw`\$\d+\.\d+`;

describe('the monthly budget', () => {
  it("reviews a deep-risk pull request on the fast tier when the month's spend leaves no room for a deep one, and says so with the spend", async () => {
    await seedSpend(4.9);
    const github = mockAuthPull({ policy: policyText('monthly_usd: 5') });
    mockChecks(github.sent);
    mockReview(github.sent);
    let openaiRequest: Record<string, any> = {};
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses', (body) => {
        openaiRequest = body as Record<string, any>;
        return true;
      })
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    await deliver('delivery-over-budget');
    await app.queue.idle();

    await expectAllDone();
    expect(openaiRequest.model).toBe('gpt-5.3-codex');
    const note = new RegExp(
      String.raw`\*\*Budget:\*\* monthly budget \$5\.00: \$4\.90 spent this month; a deep review \(~${USD}\) would pass it, so this review runs on the fast tier`,
    );
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · fast review (openai `gpt-5.3-codex`)');
    expect(body).toContain('the monthly budget would be passed, so fast tier instead');
    expect(body).toMatch(note);
    const update = github.sent.checkRunUpdates[0];
    expect(update?.conclusion).toBe('success');
    expect(update?.output.summary).toMatch(note);
    const rows = await app.ledger.list({ repo: 'acme/api', since: MONTH.from });
    expect(rows.map((row) => [row.tier, row.outcome])).toEqual([
      ['fast', 'posted'],
      ['deep', 'posted'],
    ]);
    expect(await monthTotal()).toBeLessThanOrEqual(5);
  });

  it("skips the review with a skipped check run that gives the month's spend when the policy says skip, and calls no model", async () => {
    await seedSpend(4.9);
    const github = mockAuthPull({
      policy: policyText('monthly_usd: 5', 'when_exceeded: skip'),
      pullReads: 1,
    });
    mockChecks(github.sent);

    await deliver('delivery-skip');
    await app.queue.idle();

    await expectAllDone();
    expect(github.sent.reviews).toEqual([]);
    const update = github.sent.checkRunUpdates[0];
    expect(update?.conclusion).toBe('skipped');
    expect(update?.output.title).toBe(
      "Skipped: this review would pass the repository's monthly budget",
    );
    expect(update?.output.summary).toMatch(
      new RegExp(
        String.raw`\*\*Budget:\*\* monthly budget \$5\.00: \$4\.90 spent this month; a deep review \(~${USD}\) would pass it, so this review is skipped \(when_exceeded: skip\)`,
      ),
    );
    const rows = await app.ledger.list({ since: MONTH.from });
    expect(rows.map((row) => [row.tier, row.outcome, row.provider, row.costUsd])).toEqual([
      ['skip', 'skipped', null, 0],
      ['deep', 'posted', 'anthropic', 4.9],
    ]);
  });

  it("holds every repository of the owner to the org's cap from its .github policy, counting no other owner", async () => {
    await seedSpend(0.05, 'acme/api');
    await seedSpend(19.9, 'acme/web');
    await seedSpend(100, 'acme-labs/api');
    const github = mockAuthPull({ orgPolicy: policyText('org_monthly_usd: 20') });
    mockChecks(github.sent);
    mockReview(github.sent);
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    await deliver('delivery-org');
    await app.queue.idle();

    await expectAllDone();
    const note = new RegExp(
      String.raw`\*\*Budget:\*\* organisation budget \$20\.00: \$19\.95 spent this month across acme; a deep review \(~${USD}\) would pass it, so this review runs on the fast tier`,
    );
    expect(String(github.sent.reviews[0]?.body)).toMatch(note);
    expect(github.sent.checkRunUpdates[0]?.output.summary).toMatch(note);
  });
});

describe('escalation within the monthly budget', () => {
  it('posts the fast review, and says why, when the deep review the fast model asks for would pass the cap', async () => {
    await seedSpend(1);
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: [prFile('src/utils/format-date.ts', ROUTINE_PATCH)],
      policy: policyText('monthly_usd: 1.1'),
    });
    mockChecks(github.sent);
    mockReview(github.sent);
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(
        200,
        openAIResponse({
          answer: modelAnswer({
            escalate: { needed: true, reason: 'the date format is a public contract' },
          }),
        }),
      );

    await deliver('delivery-escalate');
    await app.queue.idle();

    await expectAllDone();
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · fast review (openai `gpt-5.3-codex`)');
    expect(body).toMatch(
      new RegExp(
        String.raw`> The fast model asked for a deep review, but a deep review \(~${USD}\) would pass the monthly budget of \$1\.10: \$1\.00 spent this month, and this fast review cost \$0\.0222; the fast review is posted\.`,
      ),
    );
    const rows = await app.ledger.list({ since: MONTH.from });
    expect(rows.map((row) => [row.tier, row.outcome])).toEqual([
      ['fast', 'posted'],
      ['deep', 'posted'],
    ]);
  });
});

describe('the per-review budget', () => {
  const bigPull = (policy: string) =>
    mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: [
        prFile('src/catalog/entries.ts', constantsPatch('ENTRY', 300)),
        prFile('src/auth/session.ts', AUTH_PATCH),
        prFile('src/catalog/weights.ts', constantsPatch('WEIGHT', 300)),
      ],
      policy,
    });

  it('leaves the least risky files out of a deep review that would pass it, keeps the most risky, and lists what it left out', async () => {
    const github = bigPull(policyText('per_review_usd: 0.18'));
    mockChecks(github.sent);
    mockReview(github.sent);
    let anthropicRequest = '';
    nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages', (body) => {
        anthropicRequest = JSON.stringify(body);
        return true;
      })
      .reply(200, anthropicMessage({ answer: modelAnswer() }));

    await deliver('delivery-trim');
    await app.queue.idle();

    await expectAllDone();
    expect(anthropicRequest).toContain('sessions.get(token)');
    expect(anthropicRequest).not.toContain('ENTRY_0');
    expect(anthropicRequest).not.toContain('WEIGHT_0');
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · deep review (anthropic `claude-opus-4-6`)');
    expect(body).toMatch(
      new RegExp(
        String.raw`\*\*Budget:\*\* per-review budget \$0\.18: this deep review leaves out its least risky files to stay within it \(~${USD}; ~${USD} with every file\)`,
      ),
    );
    expect(body).toContain('#### Not reviewed (2 files)');
    expect(body).toContain('- `src/catalog/entries.ts` — over the per-review budget ($0.18)');
    expect(body).toContain('- `src/catalog/weights.ts` — over the per-review budget ($0.18)');
    const update = github.sent.checkRunUpdates[0];
    expect(update?.conclusion).toBe('neutral');
    expect(update?.output.summary).toContain('**Budget:** per-review budget $0.18');
    const [row] = await app.ledger.list();
    expect(row).toMatchObject({ tier: 'deep', outcome: 'posted' });
  });

  it('runs the fast tier when even the most risky file alone would pass it on the deep tier', async () => {
    const github = bigPull(policyText('per_review_usd: 0.1'));
    mockChecks(github.sent);
    mockReview(github.sent);
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    await deliver('delivery-per-review-fast');
    await app.queue.idle();

    await expectAllDone();
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · fast review (openai `gpt-5.3-codex`)');
    expect(body).toMatch(
      new RegExp(
        String.raw`\*\*Budget:\*\* per-review budget \$0\.10: a deep review would pass it even with only its most risky file \(~${USD}\), so this review runs on the fast tier`,
      ),
    );
    expect(body).not.toContain('#### Not reviewed');
  });
});

describe('two reviews racing for the last of a monthly budget', () => {
  /** Room for one deep review and one fast one, not for two deep ones. */
  const CAP = 1.2;

  const deliverBoth = async () => {
    await Promise.all([deliver('delivery-pr-7', 7), deliver('delivery-pr-8', 8)]);
    await app.queue.idle();
  };

  const tiersPosted = (github: ReturnType<typeof mockAuthPull>[]) =>
    github
      .flatMap((g) => g.sent.reviews)
      .map((review) => /### review-router · (\w+) review/.exec(String(review.body))?.[1])
      .sort();

  it('gives only one of them the deep tier and the other the fast tier (when_exceeded: fast)', async () => {
    await seedSpend(1);
    const policy = policyText(`monthly_usd: ${CAP}`);
    const pulls = [7, 8].map((number) => mockAuthPull({ number, policy }));
    const sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    mockChecks(sent, { times: 2 });
    for (const number of [7, 8]) mockReview(pulls[number - 7]!.sent, { number });
    nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages')
      .reply(200, anthropicMessage({ answer: modelAnswer() }));
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      .reply(200, openAIResponse({ answer: modelAnswer() }));

    await deliverBoth();

    await expectAllDone();
    expect(tiersPosted(pulls)).toEqual(['deep', 'fast']);
    const fastBody = pulls
      .flatMap((g) => g.sent.reviews)
      .map((review) => String(review.body))
      .find((body) => body.includes('fast review'));
    expect(fastBody).toMatch(/\*\*Budget:\*\* monthly budget \$1\.20: \$1\.00 spent this month/);
    expect(await monthTotal()).toBeLessThanOrEqual(CAP);
  });

  it('gives only one of them a review and skips the other (when_exceeded: skip)', async () => {
    await seedSpend(1);
    const policy = policyText(`monthly_usd: ${CAP}`, 'when_exceeded: skip');
    for (const number of [7, 8]) mockAuthPull({ number, policy, pullReads: 1 });
    // Whichever pull request gets the review reads itself once more and posts it.
    nock(GITHUB_API)
      .get(/^\/repos\/acme\/api\/pulls\/[78]$/)
      .reply(200, pullRequestObject({ headSha: HEAD }))
      .post(/^\/repos\/acme\/api\/pulls\/[78]\/reviews$/)
      .reply(200, { id: 80, html_url: 'https://github.com/acme/api/pull/7#pullrequestreview-80' });
    const sent = { checkRuns: [], checkRunUpdates: [] as Array<Record<string, any>>, reviews: [] };
    mockChecks(sent, { times: 2 });
    nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages')
      .reply(200, anthropicMessage({ answer: modelAnswer() }));

    await deliverBoth();

    await expectAllDone();
    expect(sent.checkRunUpdates.map((update) => update.conclusion).sort()).toEqual([
      'skipped',
      'success',
    ]);
    const skipped = sent.checkRunUpdates.find((update) => update.conclusion === 'skipped');
    expect(skipped?.output.summary).toMatch(/monthly budget \$1\.20: \$1\.00 spent this month/);
    const rows = await app.ledger.list({ since: MONTH.from });
    expect(rows.map((row) => row.outcome).sort()).toEqual(['posted', 'posted', 'skipped']);
    expect(await monthTotal()).toBeLessThanOrEqual(CAP);
  });

  it('counts what the fast tier already spent on a failed answer before it lets a deep review pass the cap', async () => {
    await seedSpend(1);
    const github = mockPullRequest({
      pull: pullRequestObject({ headSha: HEAD }),
      files: [prFile('src/utils/format-date.ts', ROUTINE_PATCH)],
      policy: policyText('monthly_usd: 3'),
    });
    mockChecks(github.sent);
    mockReview(github.sent);
    nock(OPENAI_TEST_ORIGIN)
      .post('/v1/responses')
      // An answer not in the schema, paid for: 150,000 output tokens, $2.10.
      .reply(200, openAIResponse({ answer: 'not json', usage: { outputTokens: 150_000 } }))
      .post('/v1/responses')
      .reply(
        200,
        openAIResponse({
          answer: modelAnswer({ escalate: { needed: true, reason: 'a public contract' } }),
        }),
      );

    await deliver('delivery-escalate-after-repair');
    await app.queue.idle();

    await expectAllDone();
    const body = String(github.sent.reviews[0]?.body);
    expect(body).toContain('### review-router · fast review (openai `gpt-5.3-codex`)');
    expect(body).toMatch(
      /> The fast model asked for a deep review, but a deep review \(~\$[\d.]+\) would pass the monthly budget of \$3\.00: \$1\.00 spent this month, and this fast review cost \$2\.1\d+; the fast review is posted\./,
    );
  });
});
