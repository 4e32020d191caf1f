/**
 * Honest coverage on a big pull request: the diff does
 * not fit the prompt budget, so the most risky files are reviewed, the summary lists every file
 * left out and why, and the check run is neutral, not success.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/worker/types.js';
import {
  GITHUB_API,
  mockChecks,
  mockPolicyFile,
  mockReview,
  type Sent,
} from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import { openAIResponse, OPENAI_TEST_ORIGIN } from '../helpers/openai-responses.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';

const HEAD = 'b16b16'.padEnd(40, '0');

/** Every pull request goes to the fast tier, so the test is about coverage, not routing. */
const POLICY = ['routing:', '  rules: []', '  default: fast', ''].join('\n');

const modulePatch = (index: number): string =>
  [
    '@@ -0,0 +1,12 @@',
    ...Array.from(
      { length: 12 },
      (_, line) =>
        `+export const value${index}_${line} = compute(${index}, ${line}, 'module ${index}');`,
    ),
  ].join('\n');

/** 400 files: 395 modules, a risky one listed last, two lockfiles, two generated files. */
const FILES = [
  ...Array.from({ length: 395 }, (_, index) =>
    prFile(`src/modules/module-${String(index).padStart(3, '0')}.ts`, modulePatch(index), {
      status: 'added',
    }),
  ),
  prFile(
    'package-lock.json',
    '@@ -1,3 +1,3 @@\n {\n-  "version": "1.0.0"\n+  "version": "1.0.1"\n }',
  ),
  prFile('pnpm-lock.yaml', '@@ -1,2 +1,2 @@\n lockfileVersion: 9\n-a: 1\n+a: 2'),
  prFile('dist/bundle.js', '@@ -1 +1 @@\n-var a=1\n+var a=2'),
  prFile('src/gen/api_pb.ts', '@@ -1 +1 @@\n-export const v = 1;\n+export const v = 2;'),
  prFile(
    'src/auth/session.ts',
    "@@ -10,3 +10,4 @@ export function verify(token: string) {\n   const session = sessions.get(token);\n+  if (session?.user === 'admin') return session;\n   return session ?? null;\n }",
  ),
];

/** `pulls.listFiles` page by page, 100 at a time, with the Link header GitHub sends. */
const mockFilePages = () => {
  const scope = nock(GITHUB_API);
  for (let page = 1; page <= 4; page += 1) {
    const next = `<${GITHUB_API}/repos/acme/api/pulls/7/files?per_page=100&page=${page + 1}>; rel="next"`;
    scope
      .get('/repos/acme/api/pulls/7/files')
      .query(page === 1 ? { per_page: '100' } : { per_page: '100', page: String(page) })
      .reply(200, FILES.slice((page - 1) * 100, page * 100), page < 4 ? { link: next } : {});
  }
  return scope;
};

let app: TestApp;

useTestApp(
  () => ({
    now: () => new Date('2026-11-21T10:00:00.000Z'),
    limits: { ...DEFAULT_LIMITS, maxInputTokens: 12_000 },
  }),
  (started) => {
    app = started;
  },
);

describe('a 400-file pull request', () => {
  it('reviews its most risky files, lists every file left out with why, and concludes neutral', async () => {
    const sent: Sent = { checkRuns: [], checkRunUpdates: [], reviews: [] };
    const pulls = nock(GITHUB_API)
      .get('/repos/acme/api/pulls/7')
      .times(2)
      .reply(200, pullRequestObject({ headSha: HEAD }));
    let prompt = '';
    const scopes = [
      mockPolicyFile(POLICY),
      pulls,
      mockFilePages(),
      mockChecks(sent),
      mockReview(sent),
      nock(OPENAI_TEST_ORIGIN)
        .post('/v1/responses', (body) => {
          prompt = JSON.stringify(body);
          return true;
        })
        .reply(200, openAIResponse({ answer: modelAnswer({ findings: [] }) })),
    ];

    await app.probot.receive({
      id: 'delivery-400',
      name: 'pull_request',
      payload: pullRequestEvent('opened', { headSha: HEAD }) as never,
    });
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    for (const scope of scopes) scope.done();

    // The risky file comes first, though GitHub listed it last; lockfiles and generated code never
    // reach the model.
    expect(prompt).toContain('src/auth/session.ts');
    expect(prompt).not.toContain('lockfileVersion');
    expect(prompt).not.toContain('export const v = 2');

    const body = String(sent.reviews[0]?.body);
    const coverage =
      /\*\*Coverage:\*\* (\d+) of 400 files reviewed, most risky first; not reviewed: (.+)\./.exec(
        body,
      );
    expect(coverage).not.toBeNull();
    const reviewed = Number(coverage?.[1]);
    expect(reviewed).toBeGreaterThan(1);
    expect(reviewed).toBeLessThan(395);
    const overBudget = 395 - reviewed + 1;
    // The files a person may want to read first: those over the budget.
    expect(coverage?.[2]?.split(', ')[0]).toBe(`${overBudget} over token budget`);
    expect(coverage?.[2]?.split(', ').sort()).toEqual(
      [
        `${overBudget} over token budget`,
        '1 lockfile (ignored by policy)',
        '1 generated (ignored by policy)',
        '1 lockfile',
        '1 generated',
      ].sort(),
    );
    expect(body).toContain(`#### Not reviewed (${400 - reviewed} files)`);
    expect(body).toContain('- `pnpm-lock.yaml` — lockfile');
    expect(body).toContain('- `package-lock.json` — lockfile (ignored by policy)');
    expect(body).toContain('- `dist/bundle.js` — generated (ignored by policy)');
    expect(body).toContain('- `src/gen/api_pb.ts` — generated');
    expect(body).toContain('- `src/modules/module-394.ts` — over token budget');
    expect(body).not.toContain('`src/auth/session.ts` —');
    expect(body.length).toBeLessThan(65_536);

    const [update] = sent.checkRunUpdates;
    expect(update?.conclusion).toBe('neutral');
    expect(update?.output.summary).toContain(
      `**Not reviewed:** ${overBudget} files the policy does not ignore (see the review).`,
    );
  });
});
