import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { anthropicMessage, ANTHROPIC_TEST_BASE_URL } from '../helpers/anthropic-messages.js';
import { GITHUB_API, mockChecks, mockPullRequest, mockReview } from '../helpers/github-mock.js';
import { prFile, pullRequestEvent, pullRequestObject } from '../helpers/github-payloads.js';
import { modelAnswer } from '../helpers/model-answers.js';
import type { TestApp } from '../helpers/test-app.js';
import { useTestApp } from '../helpers/use-test-app.js';
import { blobsAnswer, featureFile, featurePatch, featurePaths } from '../helpers/feature-files.js';

const HEAD = 'beef'.padEnd(40, '2');

/** Each changed file calls a method of the object `shared` returns: `twice`, never imported. */
const changedReturn = (index: number): string => `  return shared(step0).twice(${index});`;
const featureAt = (index: number, changed: boolean): string =>
  featureFile(index, changed ? changedReturn(index) : null);
const PATCH = (index: number) => featurePatch(index, changedReturn(index));

const SHARED = [
  "import { Doubler } from './doubler.js';",
  '',
  'export const shared = (value: number): Doubler => new Doubler(value);',
  '',
].join('\n');

const DOUBLER = [
  'export class Doubler {',
  '  constructor(private readonly value: number) {}',
  '',
  '  twice(offset: number): number {',
  '    return this.value * 2 + offset;',
  '  }',
  '}',
  '',
].join('\n');

const paths = featurePaths;

type Query = { variables: Record<string, string> };

let app: TestApp;

useTestApp(
  () => ({ now: () => new Date('2026-11-21T10:00:00.000Z') }),
  (started) => {
    app = started;
  },
);

describe('code context: the files imported files import', () => {
  it('reaches them, with the definition search, in four GitHub requests; the base versions last', async () => {
    const pull = pullRequestObject({ headSha: HEAD, labels: ['review:deep'] });
    const base = pull.base.sha as string;
    const github = mockPullRequest({
      pull,
      files: paths.map((path, index) => prFile(path, PATCH(index))),
    });
    const checks = mockChecks(github.sent);
    const review = mockReview(github.sent);
    const texts = new Map<string, string>([
      ...paths.map((path, index) => [`${HEAD}:${path}`, featureAt(index, true)] as const),
      ...paths.map((path, index) => [`${base}:${path}`, featureAt(index, false)] as const),
      [`${HEAD}:src/lib/shared.ts`, SHARED],
      [`${HEAD}:src/lib/doubler.ts`, DOUBLER],
    ]);
    const rounds: string[][] = [];
    const code = nock(GITHUB_API)
      .get(`/repos/acme/api/git/trees/${HEAD}`)
      .query({ recursive: 'true' })
      .reply(200, {
        sha: HEAD,
        truncated: false,
        tree: [...paths, 'src/lib/shared.ts', 'src/lib/doubler.ts'].map((path) => ({
          path,
          type: 'blob',
        })),
      })
      .post('/graphql', (body: Query) => {
        rounds.push(Object.values(body.variables).filter((value) => value.includes(':')));
        return true;
      })
      .times(3)
      .reply(200, () => blobsAnswer(texts, rounds.at(-1) ?? []));
    let extra = 0;
    code.on('request', () => (extra += 1));
    let request: Record<string, any> = {};
    const anthropic = nock(ANTHROPIC_TEST_BASE_URL)
      .post('/v1/messages', (body) => {
        request = body as Record<string, any>;
        return true;
      })
      .reply(200, anthropicMessage({ answer: modelAnswer({ summary: 'Doubles.', findings: [] }) }));

    await app.probot.receive({
      id: 'delivery-second-hop',
      name: 'pull_request',
      payload: pullRequestEvent('opened', { headSha: HEAD, labels: ['review:deep'] }) as never,
    });
    await app.queue.idle();

    expect(app.errors).toEqual([]);
    github.scope.done();
    code.done();
    checks.done();
    review.done();
    anthropic.done();
    expect(extra).toBe(4);
    // The definition search reads the doubler with the imported files, in the second round,
    // since an added line uses `twice`; the last round asks for the base versions, and does not
    // ask for the doubler again as a file an imported file imports.
    expect(rounds[1]).toContain(`${HEAD}:src/lib/doubler.ts`);
    expect(rounds[2]).toContain(`${base}:src/feature/f0.ts`);
    expect(rounds[2]).not.toContain(`${HEAD}:src/lib/doubler.ts`);

    const [context] = request.messages[0].content as Array<Record<string, any>>;
    const text = context?.text as string;
    expect(text).toContain('definition "src/lib/doubler.ts"');
    expect(text).toContain('return this.value * 2 + offset;');
  });
});
