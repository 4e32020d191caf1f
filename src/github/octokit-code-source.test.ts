import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokitGitHub } from './octokit-github.js';

const API = 'https://api.github.com';
const REPO = { owner: 'acme', repo: 'api' } as const;
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);

const github = () =>
  createOctokitGitHub(
    new ProbotOctokit({
      auth: { token: 'test' },
      retry: { enabled: false },
      throttle: { enabled: false },
    }),
  );

type Query = { variables: Record<string, string> };

const expressionsOf = (body: Query): string[] =>
  Object.entries(body.variables)
    .filter(([name]) => /^e\d+$/.test(name))
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
    .map(([, expression]) => expression);

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the GitHub code source', () => {
  it('reads the head and the base asked for together in one query, each answer to its commit', async () => {
    const asked: string[][] = [];
    const scope = nock(API)
      .post('/graphql', (body: Query) => {
        asked.push(expressionsOf(body));
        return true;
      })
      .reply(200, () => ({
        data: {
          repository: Object.fromEntries(
            (asked.at(-1) ?? []).map((expression, index) => [
              `f${index}`,
              { text: `text of ${expression}`, isBinary: false },
            ]),
          ),
        },
      }));
    const port = github();
    const head = port.codeSource?.(REPO, HEAD);
    const base = port.codeSource?.(REPO, BASE);
    const [fromHead, fromBase] = await Promise.all([
      head?.readFiles(['src/b.ts', 'src/a.ts']),
      base?.readFiles(['src/a.ts', '../etc/passwd']),
    ]);

    scope.done();
    expect(asked).toEqual([[`${HEAD}:src/a.ts`, `${HEAD}:src/b.ts`, `${BASE}:src/a.ts`]]);
    expect(Object.fromEntries(fromHead ?? [])).toEqual({
      'src/a.ts': `text of ${HEAD}:src/a.ts`,
      'src/b.ts': `text of ${HEAD}:src/b.ts`,
    });
    expect(Object.fromEntries(fromBase ?? [])).toEqual({ 'src/a.ts': `text of ${BASE}:src/a.ts` });
  });

  it('reads one after another in separate queries, and a failed query fails every read it carried', async () => {
    const scope = nock(API)
      .post('/graphql')
      .reply(200, { data: { repository: { f0: { text: 'one', isBinary: false } } } })
      .post('/graphql')
      .reply(502, { message: 'Bad Gateway' });
    const port = github();
    const head = port.codeSource?.(REPO, HEAD);
    const base = port.codeSource?.(REPO, BASE);

    expect(await head?.readFiles(['one.ts'])).toEqual(new Map([['one.ts', 'one']]));
    const failed = await Promise.allSettled([
      head?.readFiles(['two.ts']),
      base?.readFiles(['two.ts']),
    ]);
    scope.done();
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
